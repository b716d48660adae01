package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Thinking settings for models that think. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThinkingConfig(Boolean includeThoughts, Integer thinkingBudget, ThinkingLevel thinkingLevel) {

  public enum ThinkingLevel {
    THINKING_LEVEL_UNSPECIFIED,
    MINIMAL,
    LOW,
    MEDIUM,
    HIGH
  }
}
