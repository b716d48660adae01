package dev.gememu.executor;

/** Every worker is busy and the queue is full (or no worker came free in time): the caller should retry later. */
public final class ExecutorSaturatedException extends RuntimeException {

  public ExecutorSaturatedException(String why) {
    super(why);
  }
}
