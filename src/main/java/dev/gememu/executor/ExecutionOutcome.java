package dev.gememu.executor;

/** How one run ended; {@code model} maps it to the wire's {@code Outcome}. */
public enum ExecutionOutcome {
  /** The snippet ran to its end (or exited with status 0). */
  OK,
  /** The snippet raised, exited with an error, or hit a limit other than time. */
  FAILED,
  /** The snippet ran past its deadline and was stopped. */
  DEADLINE_EXCEEDED
}
