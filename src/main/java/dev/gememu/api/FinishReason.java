package dev.gememu.api;

/** Why the model stopped generating a candidate, with its number in Google's proto. */
public enum FinishReason implements WireEnum {
  FINISH_REASON_UNSPECIFIED(0),
  STOP(1),
  MAX_TOKENS(2),
  SAFETY(3),
  RECITATION(4),
  LANGUAGE(6),
  OTHER(5),
  BLOCKLIST(7),
  PROHIBITED_CONTENT(8),
  SPII(9),
  MALFORMED_FUNCTION_CALL(10),
  IMAGE_SAFETY(11),
  UNEXPECTED_TOOL_CALL(12),
  TOO_MANY_TOOL_CALLS(13),
  IMAGE_PROHIBITED_CONTENT(14),
  NO_IMAGE(16),
  IMAGE_RECITATION(17),
  IMAGE_OTHER(15);

  private final int number;

  FinishReason(int number) {
    this.number = number;
  }

  @Override
  public int number() {
    return number;
  }
}
