package dev.gememu.api;

/** Programming language of an {@link ExecutableCode} part. */
public enum Language {
  LANGUAGE_UNSPECIFIED,
  PYTHON
}
