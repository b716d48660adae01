package dev.gememu.api;

/** How a code execution ended, as reported in a {@link CodeExecutionResult}; numbered as in Google's proto. */
public enum Outcome implements WireEnum {
  OUTCOME_UNSPECIFIED,
  OUTCOME_OK,
  OUTCOME_FAILED,
  OUTCOME_DEADLINE_EXCEEDED;

  /** The proto numbers follow the declaration order. */
  @Override
  public int number() {
    return ordinal();
  }
}
