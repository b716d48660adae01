package dev.gememu.executor;

import dev.gememu.api.Outcome;
import java.time.Duration;

/**
 * What one run produced.
 *
 * @param outcome how the run ended
 * @param stdout everything printed to stdout, possibly cut at the output limit
 * @param stderr everything printed to stderr
 * @param error the traceback (or the limit that stopped the run), null when the run succeeded
 * @param elapsed wall-clock time of the run
 */
public record ExecutionResult(Outcome outcome, String stdout, String stderr, String error, Duration elapsed) {

  public ExecutionResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  public static ExecutionResult ok(String stdout, String stderr, Duration elapsed) {
    return new ExecutionResult(Outcome.OUTCOME_OK, stdout, stderr, null, elapsed);
  }

  public static ExecutionResult failed(String stdout, String stderr, String error, Duration elapsed) {
    return new ExecutionResult(Outcome.OUTCOME_FAILED, stdout, stderr, error, elapsed);
  }

  public static ExecutionResult deadlineExceeded(String stdout, String stderr, String error, Duration elapsed) {
    return new ExecutionResult(Outcome.OUTCOME_DEADLINE_EXCEEDED, stdout, stderr, error, elapsed);
  }
}
