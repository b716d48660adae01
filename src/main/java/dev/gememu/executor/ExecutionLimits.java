package dev.gememu.executor;

import java.time.Duration;

/**
 * Bounds on one execution. The defaults follow Gemini: 30 s per run.
 *
 * @param timeout wall-clock limit of one run
 * @param maxOutputBytes stdout and stderr together; a run that writes more is stopped
 * @param warmContexts contexts created ahead of need, so a request does not pay for creation
 */
public record ExecutionLimits(Duration timeout, int maxOutputBytes, int warmContexts) {

  public ExecutionLimits {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxOutputBytes < 1) {
      throw new IllegalArgumentException("maxOutputBytes must be at least 1, was " + maxOutputBytes);
    }
    if (warmContexts < 0) {
      throw new IllegalArgumentException("warmContexts must not be negative, was " + warmContexts);
    }
  }

  public static ExecutionLimits defaults() {
    return new ExecutionLimits(Duration.ofSeconds(30), 1 << 20, 2);
  }

  public ExecutionLimits withTimeout(Duration newTimeout) {
    return new ExecutionLimits(newTimeout, maxOutputBytes, warmContexts);
  }

  public ExecutionLimits withMaxOutputBytes(int newMaxOutputBytes) {
    return new ExecutionLimits(timeout, newMaxOutputBytes, warmContexts);
  }

  public ExecutionLimits withWarmContexts(int newWarmContexts) {
    return new ExecutionLimits(timeout, maxOutputBytes, newWarmContexts);
  }
}
