package dev.gememu.journal;

import dev.gememu.api.GenerateContentRequest;
import dev.gememu.model.ExecutedCode;
import java.util.List;

/**
 * What the emulated model did for one exchange.
 *
 * @param model the model id from the path
 * @param method the custom verb, e.g. {@code generateContent}
 * @param request the parsed request, or null when the body could not be read (or for countTokens)
 * @param reply who decided the reply, or null when none was decided
 * @param code the code that ran, in order, with what it printed and what was expected
 * @param ignoredFields unknown request fields that {@code --lenient} accepted
 */
public record ModelTurn(String model, String method, GenerateContentRequest request, String reply,
    List<ExecutedCode> code, List<String> ignoredFields) {

  public ModelTurn {
    code = List.copyOf(code);
    ignoredFields = List.copyOf(ignoredFields);
  }

  /** Whether any code's real output differs from what its reply expected. */
  public boolean drift() {
    return code.stream().anyMatch(ExecutedCode::drifted);
  }
}
