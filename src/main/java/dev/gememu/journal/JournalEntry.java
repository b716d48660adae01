package dev.gememu.journal;

import java.util.List;

/**
 * One exchange with the API as the journal summarises it (the whole exchange is an {@link Exchange}).
 *
 * @param id sequence number, from 1 since start-up
 * @param time when the request arrived (ISO-8601, UTC)
 * @param method the custom verb (e.g. {@code generateContent}), or the HTTP method for a models list or get
 * @param model the model id from the path, or null
 * @param turns each turn of the request as {@code role: kinds of its parts}, e.g.
 *     {@code model: text, executableCode, codeExecutionResult, text}
 * @param reply who decided the reply (a fixture's name and file, or {@code inline code}), or null
 * @param status the HTTP status of the answer
 * @param error the error message when the status is not 200, else null
 * @param code the code that ran, in order
 * @param drift whether any code's real output differs from its fixture's {@code expect}
 * @param ignoredFields unknown request fields that {@code --lenient} accepted, e.g.
 *     {@code generation_config.temprature}
 * @param request the HTTP method and path, e.g. {@code POST /v1beta/models/gemini-2.5-flash:generateContent}
 * @param answeredBy who answered, see {@link Exchange#answeredBy()}
 */
public record JournalEntry(long id, String time, String method, String model, String lastUserText,
    List<String> turns, String reply, int status, String error, List<CodeRun> code, boolean drift,
    long elapsedMillis, List<String> ignoredFields, String request, String answeredBy) {

  public JournalEntry {
    turns = List.copyOf(turns);
    code = List.copyOf(code);
    ignoredFields = List.copyOf(ignoredFields);
  }

  /** One code step as it ran, and on which Python ({@code graalpy} or {@code cpython}). */
  public record CodeRun(String code, String outcome, String output, String expected, boolean drift,
      long elapsedMillis, String executor) {

    public CodeRun(String code, String outcome, String output, String expected, boolean drift, long elapsedMillis) {
      this(code, outcome, output, expected, drift, elapsedMillis, null);
    }
  }
}
