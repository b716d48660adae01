package dev.gememu.server;

import dev.gememu.model.ExecutedCode;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The {@code x-gememu-drift} response header: present when code whose fixture states an
 * {@code expect} printed something else, e.g. {@code steps=1; reply=fixture primes (fixtures/primes.yaml)}.
 * Steps count code steps from 1. The body still carries the real output.
 */
final class DriftHeader {
  static final String NAME = "x-gememu-drift";

  private DriftHeader() {}

  static Optional<String> value(List<ExecutedCode> executed, String source) {
    StringJoiner steps = new StringJoiner(",", "steps=", "");
    for (int i = 0; i < executed.size(); i++) {
      if (executed.get(i).drifted()) {
        steps.add(String.valueOf(i + 1));
      }
    }
    if (executed.stream().noneMatch(ExecutedCode::drifted)) {
      return Optional.empty();
    }
    // Header values must stay printable ASCII whatever the fixture is called.
    return Optional.of((steps + "; reply=" + source).replaceAll("[^\\x20-\\x7e]", "?"));
  }
}
