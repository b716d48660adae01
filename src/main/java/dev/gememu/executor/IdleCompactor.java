package dev.gememu.executor;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * In a worker, one full collection once the worker has been idle a while, so that the heap shrinks
 * (to {@code MaxHeapFreeRatio}) and hands the garbage of the last runs back to the system: an idle
 * worker then stays small. Runs on its own thread, so that waiting for requests costs them nothing.
 */
final class IdleCompactor {
  private final long idleNanos;
  private volatile long idleSince = System.nanoTime();
  private volatile boolean busy;
  private volatile boolean compacted;

  private IdleCompactor(Duration idle) {
    this.idleNanos = idle.toNanos();
  }

  static IdleCompactor start(Duration idle) {
    IdleCompactor compactor = new IdleCompactor(idle);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("gememu-idle-compactor"));
    long period = Math.max(1, idle.toMillis() / 2);
    timer.scheduleWithFixedDelay(compactor::compactIfIdle, period, period, TimeUnit.MILLISECONDS);
    return compactor;
  }

  void busy() {
    busy = true;
  }

  void idle() {
    idleSince = System.nanoTime();
    busy = false;
    compacted = false;
  }

  private void compactIfIdle() {
    if (!busy && !compacted && System.nanoTime() - idleSince >= idleNanos) {
      compacted = true;
      System.gc();
    }
  }
}
