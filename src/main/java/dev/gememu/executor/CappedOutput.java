package dev.gememu.executor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Captures one stream of a run within a byte budget shared with its sibling stream. Writing past
 * the budget keeps what fits, fails the write (Python sees an {@code OSError}) and fires the
 * overflow callback, because guest code can catch that error and carry on flooding.
 */
final class CappedOutput extends OutputStream {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicInteger budget;
  private final Runnable onOverflow;
  private volatile boolean overflowed;

  CappedOutput(AtomicInteger sharedBudget, Runnable onOverflow) {
    this.budget = sharedBudget;
    this.onOverflow = onOverflow;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] data, int offset, int length) throws IOException {
    int granted = take(length);
    bytes.write(data, offset, granted);
    if (granted < length) {
      overflowed = true;
      onOverflow.run();
      throw new IOException("gememu output limit reached");
    }
  }

  private int take(int wanted) {
    while (true) {
      int left = budget.get();
      int granted = Math.min(left, wanted);
      if (budget.compareAndSet(left, left - granted)) {
        return granted;
      }
    }
  }

  boolean overflowed() {
    return overflowed;
  }

  synchronized String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
