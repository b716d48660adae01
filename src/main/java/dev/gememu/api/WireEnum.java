package dev.gememu.api;

/**
 * An enum of Google's response schema with its proto number, which Google writes instead of the name
 * when the request asks for {@code $alt=json;enum-encoding=int} (the generated REST clients do).
 */
public interface WireEnum {
  int number();
}
