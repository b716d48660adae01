package dev.gememu.executor;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs snippets in a pool of supervised worker processes (GraalPy worker JVMs or CPython zygotes,
 * as the {@link WorkerCommand} says), one snippet per worker at a time. A worker that a snippet
 * broke (a run it could not stop, memory exhausted, a crash) is killed and replaced in the
 * background; other requests carry on on the other workers. Requests beyond the workers wait in a
 * bounded queue, each for at most the snippet time limit (longer only while no worker is up yet): past
 * the queue, or once that wait runs out, they get {@link ExecutorSaturatedException}, so a queued
 * request never waits past the deadline a run itself has.
 */
public final class WorkerPoolExecutor implements PythonExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPoolExecutor.class);
  /**
   * Past the snippet's own deadline, time for the worker to stop it and answer before it is killed. The
   * clock starts when the request is sent, so it also covers a busy machine's wait for the next context.
   */
  private static final Duration KILL_MARGIN = Duration.ofSeconds(5);
  private static final Duration RESTART_BACKOFF = Duration.ofSeconds(1);
  /** While no worker is up (start-up, or every one being replaced), a JVM and GraalPy's first context on a busy machine. */
  private static final Duration WAIT_FOR_A_STARTING_WORKER = Duration.ofSeconds(90);
  /** How often a waiting request looks again whether any worker is still alive. */
  private static final Duration RECHECK_WORKERS = Duration.ofMillis(500);

  private final ExecutionLimits limits;
  private final WorkerCommand command;
  private final Semaphore admission;
  private final BlockingQueue<WorkerProcess> idle = new LinkedBlockingQueue<>();
  private final Set<WorkerProcess> all = ConcurrentHashMap.newKeySet();
  private final ExecutorService starter;
  private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("gememu-watchdog"));
  private final AtomicInteger nextId = new AtomicInteger();
  private volatile boolean closed;

  /** A pool of GraalPy worker JVMs. */
  public WorkerPoolExecutor(ExecutorOptions options, ExecutionLimits limits) {
    this(WorkerCommand.graalPy(WorkerLauncher.of(options, limits)), options.workers(), options.queue(), limits);
  }

  WorkerPoolExecutor(WorkerCommand command, int workers, int queue, ExecutionLimits limits) {
    this.limits = limits;
    this.command = command;
    this.admission = new Semaphore(workers + queue);
    this.starter = Executors.newFixedThreadPool(workers, DaemonThreads.named("gememu-worker-start"));
    watchdog.setRemoveOnCancelPolicy(true);
    // One after the other: on few cores the first worker is ready sooner when it starts alone.
    startWorkers(workers);
  }

  @Override
  public String describe() {
    return command.describe();
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request) {
    if (!admission.tryAcquire()) {
      throw new ExecutorSaturatedException("every worker is busy and the queue is full", false);
    }
    try {
      WorkerProcess worker = takeWorker();
      WorkerProcess.Run run = worker.run(request, limits, limits.timeout().plus(KILL_MARGIN), watchdog);
      if (run.reusable() && !closed) {
        idle.offer(worker);
      } else {
        replace(worker);
      }
      return run.result();
    } finally {
      admission.release();
    }
  }

  /**
   * The next free worker, waited for at most the snippet time limit; while no worker is alive (start-up,
   * or every one being replaced) the wait is for one to start, which may take longer.
   */
  private WorkerProcess takeWorker() {
    try {
      long start = System.nanoTime();
      while (true) {
        Duration longestWait = all.stream().anyMatch(WorkerProcess::alive) ? limits.timeout() : WAIT_FOR_A_STARTING_WORKER;
        long left = start + longestWait.toNanos() - System.nanoTime();
        if (left <= 0) {
          throw new ExecutorSaturatedException("no worker came free within " + longestWait.toMillis() + " ms", true);
        }
        WorkerProcess worker = idle.poll(Math.min(left, RECHECK_WORKERS.toNanos()), TimeUnit.NANOSECONDS);
        if (worker == null) {
          continue;
        }
        if (worker.alive()) {
          return worker;
        }
        replace(worker);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ExecutorSaturatedException("interrupted while waiting for a worker", true);
    }
  }

  private void replace(WorkerProcess broken) {
    broken.kill();
    all.remove(broken);
    startWorkers(1);
  }

  private void startWorkers(int count) {
    if (closed) {
      return;
    }
    starter.execute(() -> {
      for (int i = 0; i < count && !closed; i++) {
        startOne();
      }
    });
  }

  private void startOne() {
    while (!closed) {
      try {
        WorkerProcess worker = WorkerProcess.start(nextId.incrementAndGet(), command);
        all.add(worker);
        if (closed) {
          worker.kill();
        } else {
          LOG.info("Python worker {} (pid {}) ready: {}", worker.id(), worker.pid(), worker.description());
          idle.offer(worker);
        }
        return;
      } catch (IOException | RuntimeException failed) {
        LOG.error("could not start a Python worker; retrying", failed);
        sleep(RESTART_BACKOFF);
      }
    }
  }

  /** Pids of the live workers, for measuring their memory. */
  public List<Long> workerPids() {
    return all.stream().filter(WorkerProcess::alive).map(WorkerProcess::pid).toList();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    starter.shutdownNow();
    watchdog.shutdownNow();
    all.forEach(WorkerProcess::kill);
    idle.clear();
  }
}
