package dev.gememu.executor;

import java.time.Duration;
import java.util.List;

/**
 * What one run produced.
 *
 * @param outcome how the run ended
 * @param stdout everything printed to stdout, possibly cut at the output limit
 * @param stderr everything printed to stderr
 * @param error the traceback (or the limit that stopped the run), null when the run succeeded
 * @param elapsed wall-clock time of the run
 * @param files what the run handed back, images in the order they were produced
 * @param ranOn which Python ran it ({@code GRAALPY} or {@code CPYTHON}), null when nothing ran
 */
public record ExecutionResult(ExecutionOutcome outcome, String stdout, String stderr, String error, Duration elapsed,
    List<OutputFile> files, Interpreter ranOn) {

  public ExecutionResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
    files = files == null ? List.of() : List.copyOf(files);
  }

  public ExecutionResult(ExecutionOutcome outcome, String stdout, String stderr, String error, Duration elapsed,
      List<OutputFile> files) {
    this(outcome, stdout, stderr, error, elapsed, files, null);
  }

  public static ExecutionResult ok(String stdout, String stderr, Duration elapsed) {
    return new ExecutionResult(ExecutionOutcome.OK, stdout, stderr, null, elapsed, List.of());
  }

  public static ExecutionResult failed(String stdout, String stderr, String error, Duration elapsed) {
    return new ExecutionResult(ExecutionOutcome.FAILED, stdout, stderr, error, elapsed, List.of());
  }

  public static ExecutionResult deadlineExceeded(String stdout, String stderr, String error, Duration elapsed) {
    return new ExecutionResult(ExecutionOutcome.DEADLINE_EXCEEDED, stdout, stderr, error, elapsed, List.of());
  }

  public ExecutionResult withFiles(List<OutputFile> newFiles) {
    return new ExecutionResult(outcome, stdout, stderr, error, elapsed, newFiles, ranOn);
  }

  public ExecutionResult withError(String newError) {
    return new ExecutionResult(outcome, stdout, stderr, newError, elapsed, files, ranOn);
  }

  public ExecutionResult withRanOn(Interpreter newRanOn) {
    return new ExecutionResult(outcome, stdout, stderr, error, elapsed, files, newRanOn);
  }
}
