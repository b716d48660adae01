package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Code the model generated for the code execution tool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"language", "code", "id"})
public record ExecutableCode(Language language, String code, String id) {
  public static ExecutableCode python(String code) {
    return new ExecutableCode(Language.PYTHON, code, null);
  }
}
