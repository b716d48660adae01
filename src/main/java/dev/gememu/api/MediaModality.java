package dev.gememu.api;

/** The modality a token count is for; numbered as in Google's proto. */
public enum MediaModality implements WireEnum {
  MODALITY_UNSPECIFIED,
  TEXT,
  IMAGE,
  VIDEO,
  AUDIO,
  DOCUMENT;

  /** The proto numbers follow the declaration order. */
  @Override
  public int number() {
    return ordinal();
  }
}
