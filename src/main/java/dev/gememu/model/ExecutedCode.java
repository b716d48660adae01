package dev.gememu.model;

import dev.gememu.api.Outcome;
import java.time.Duration;

/**
 * One code step as it really ran, for the journal and drift reports.
 *
 * @param output the output as sent in the {@code codeExecutionResult}
 * @param expectedOutput what the reply's author expected, or null
 * @param executor the Python that ran it, {@code graalpy} or {@code cpython}; null when nothing ran
 */
public record ExecutedCode(String code, Outcome outcome, String output, String expectedOutput, Duration elapsed,
    String executor) {

  public ExecutedCode(String code, Outcome outcome, String output, String expectedOutput, Duration elapsed) {
    this(code, outcome, output, expectedOutput, elapsed, null);
  }

  /** True when the author stated an expectation and the real output differs from it. */
  public boolean drifted() {
    return expectedOutput != null && !expectedOutput.equals(output);
  }
}
