package dev.gememu.journal;

import java.util.List;

/**
 * One call to the model as the journal keeps it.
 *
 * @param id sequence number, from 1 since start-up
 * @param time when the call reached the model (ISO-8601, UTC)
 * @param turns each turn of the request as {@code role: kinds of its parts}, e.g.
 *     {@code model: text, executableCode, codeExecutionResult, text}
 * @param reply who decided the reply (a fixture's name and file, or {@code inline code}), or null
 * @param status the HTTP status of the answer
 * @param error the error message when the status is not 200, else null
 * @param code the code that ran, in order
 * @param drift whether any code's real output differs from its fixture's {@code expect}
 * @param ignoredFields unknown request fields that {@code --lenient} accepted, e.g.
 *     {@code generation_config.temprature}
 */
public record JournalEntry(long id, String time, String method, String model, String lastUserText,
    List<String> turns, String reply, int status, String error, List<CodeRun> code, boolean drift,
    long elapsedMillis, List<String> ignoredFields) {

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
