package dev.gememu;

import dev.gememu.api.GenerateContentRequest;
import dev.gememu.journal.Exchange;
import dev.gememu.journal.ModelTurn;
import java.util.List;
import java.util.Locale;

/**
 * One request to gememu as it was answered, for verification in tests: the model's view of it
 * (model, verb, request, who answered, the code that ran) over the full {@link Exchange}.
 *
 * @param model the model id of the path, e.g. {@code gemini-2.5-flash}; null when the request did not reach a model
 * @param method the verb of the path, e.g. {@code generateContent}; null when it did not reach a model
 * @param request the parsed request body, or null
 * @param reply who answered (a fixture's name and file, {@code inline code}, {@code rejected}, ...)
 * @param status the HTTP status of the answer
 * @param code the code that ran, in order, with what it printed
 * @param exchange everything captured: path, redacted headers, bodies, stream events, timings
 */
public record RecordedCall(String model, String method, GenerateContentRequest request, String reply, int status,
    List<CodeRun> code, Exchange exchange) {

  public RecordedCall {
    code = List.copyOf(code);
  }

  static RecordedCall of(Exchange exchange) {
    ModelTurn turn = exchange.turn();
    if (turn == null) {
      return new RecordedCall(null, null, null, exchange.answeredBy(), exchange.status(), List.of(), exchange);
    }
    List<CodeRun> code = turn.code().stream()
        .map(run -> new CodeRun(run.code(), run.outcome().name(), run.output())).toList();
    return new RecordedCall(turn.model(), turn.method(), turn.request(), turn.reply(), exchange.status(), code,
        exchange);
  }

  /** The text of the last user turn; empty when there is none. */
  public String lastUserText() {
    return request == null || request.contents() == null ? "" : request.lastUserText();
  }

  /** A request header by case-insensitive name (API keys redacted), or null. */
  public String header(String name) {
    return exchange.requestHeader(name.toLowerCase(Locale.ROOT));
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
