package dev.gememu.executor;

/** Every worker is busy and the queue is full (or no worker came free in time): the caller should retry later. */
public final class ExecutorSaturatedException extends RuntimeException {
  private final boolean waited;

  /**
   * Without a stack trace: under overload these are thrown thousands of times a second and say all in their message.
   *
   * @param waited whether the request waited in the queue first, rather than finding it full
   */
  public ExecutorSaturatedException(String why, boolean waited) {
    super(why, null, false, false);
    this.waited = waited;
  }

  /** Whether the request already waited its turn in the queue (false: it was turned away on arrival). */
  public boolean waited() {
    return waited;
  }
}
