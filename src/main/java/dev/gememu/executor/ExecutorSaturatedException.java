package dev.gememu.executor;

/** Every worker is busy and the queue is full (or no worker came free in time): the caller should retry later. */
public final class ExecutorSaturatedException extends RuntimeException {

  /** Without a stack trace: under overload these are thrown thousands of times a second and say all in their message. */
  public ExecutorSaturatedException(String why) {
    super(why, null, false, false);
  }
}
