package dev.gememu.model;

import java.util.Map;

/** Where a {@link WireAnswer} goes: the status and headers once, then each chunk, flushed as it comes. */
public interface WireSink {

  void start(int status, Map<String, String> headers);

  /** One stream event with its framing (e.g. {@code data: {...}\r\n\r\n}), or a whole non-streaming body. */
  void write(String chunk);

  /** Notes that the answer, already under way, ends with an in-band error saying this (sent next, as a chunk). */
  default void failed(String message) {}
}
