package dev.gememu.model;

import dev.gememu.api.Outcome;
import java.time.Duration;

/**
 * One code step as it really ran, for the journal and drift reports.
 *
 * @param output the output as sent in the {@code codeExecutionResult}
 * @param expectedOutput what the reply's author expected, or null
 */
public record ExecutedCode(String code, Outcome outcome, String output, String expectedOutput, Duration elapsed) {

  /** True when the author stated an expectation and the real output differs from it. */
  public boolean drifted() {
    return expectedOutput != null && !expectedOutput.equals(output);
  }
}
