package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The result of running an {@link ExecutableCode}: stdout on success, the error otherwise. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"outcome", "output", "id"})
public record CodeExecutionResult(Outcome outcome, String output, String id) {
  public CodeExecutionResult(Outcome outcome, String output) {
    this(outcome, output, null);
  }
}
