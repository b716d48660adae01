package dev.gememu;

import dev.gememu.api.GenerateContentRequest;
import java.util.List;
import java.util.Map;

/**
 * One call to the emulated model as gememu saw and answered it, for verification in tests.
 *
 * @param model the model id of the path, e.g. {@code gemini-2.5-flash}
 * @param method the verb of the path: {@code generateContent} or {@code streamGenerateContent}
 * @param headers the request headers, names lower-cased
 * @param request the parsed request body
 * @param reply who decided the answer (a fixture's name and file, {@code inline code}), or null
 * @param status the HTTP status of the answer
 * @param code the code that ran, in order, with what it printed
 */
public record RecordedCall(String model, String method, Map<String, String> headers, GenerateContentRequest request,
    String reply, int status, List<CodeRun> code) {

  public RecordedCall {
    headers = Map.copyOf(headers);
    code = List.copyOf(code);
  }

  /** The text of the last user turn. */
  public String lastUserText() {
    return request.contents() == null ? "" : request.lastUserText();
  }

  /** A request header by case-insensitive name, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * One code step as it really ran.
   *
   * @param code the Python source
   * @param outcome {@code OUTCOME_OK}, {@code OUTCOME_FAILED} or {@code OUTCOME_DEADLINE_EXCEEDED}
   * @param output what it printed, as sent in the {@code codeExecutionResult}
   */
  public record CodeRun(String code, String outcome, String output) {}
}
