package dev.gememu.api;

/** Programming language of an {@link ExecutableCode} part; numbered as in Google's proto. */
public enum Language implements WireEnum {
  LANGUAGE_UNSPECIFIED,
  PYTHON;

  /** The proto numbers follow the declaration order. */
  @Override
  public int number() {
    return ordinal();
  }
}
