package dev.gememu.api;

/** How a code execution ended, as reported in a {@link CodeExecutionResult}. */
public enum Outcome {
  OUTCOME_UNSPECIFIED,
  OUTCOME_OK,
  OUTCOME_FAILED,
  OUTCOME_DEADLINE_EXCEEDED
}
