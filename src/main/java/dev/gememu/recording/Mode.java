package dev.gememu.recording;

import java.util.Locale;

/** Where answers come from. */
public enum Mode {
  /** Fixtures and inline code only; never the network. */
  PLAYBACK,
  /** Every request is passed on to the upstream; model answers are recorded as fixtures. */
  RECORD,
  /** Play back when a fixture matches, otherwise record (record on miss). */
  AUTO;

  public static Mode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mode must be playback, record or auto, was \"" + text + "\"");
    }
  }
}
