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
 * as the {@link WorkerCommand} says), one snippet per worker at a time. The pool is elastic: it
 * starts with {@link Sizes#min()} workers, starts another (up to {@link Sizes#max()}) when a request
 * finds none ready, and stops workers beyond the minimum once they have been idle for
 * {@link Sizes#idleBeforeStopping()}, so an idle server keeps only the minimum's memory. A worker that
 * a snippet broke (a run it could not stop, memory exhausted, a crash) is killed and replaced in the
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
  /**
   * A worker that answered less than this ago is still making the context its next snippet runs in
   * (~50–150 ms on 2 cores): a request finding only such workers would wait for that, so the pool grows.
   */
  private static final Duration MAKING_NEXT_CONTEXT = Duration.ofMillis(200);

  /**
   * How many workers a pool keeps and may have.
   *
   * @param min workers started at once and always kept (replaced when they break)
   * @param max workers the pool grows to while requests find none ready
   * @param idleBeforeStopping how long a worker beyond {@code min} may stay unused before it is stopped
   */
  public record Sizes(int min, int max, Duration idleBeforeStopping) {
    /** Long enough that a test suite's or a chat's bursts keep their workers, short enough to free memory soon after. */
    static final Duration IDLE_BEFORE_STOPPING = Duration.ofSeconds(30);

    public Sizes {
      if (min < 1 || max < min) {
        throw new IllegalArgumentException("need 1 <= min <= max, was min " + min + ", max " + max);
      }
      if (idleBeforeStopping.isNegative() || idleBeforeStopping.isZero()) {
        throw new IllegalArgumentException("idleBeforeStopping must be positive, was " + idleBeforeStopping);
      }
    }

    /** Always exactly {@code workers}, started at once. */
    static Sizes fixed(int workers) {
      return new Sizes(workers, workers, IDLE_BEFORE_STOPPING);
    }
  }

  /** A worker waiting for a request, and since when. */
  private record Idle(WorkerProcess worker, long sinceNanos) {}

  private final ExecutionLimits limits;
  private final WorkerCommand command;
  private final Sizes sizes;
  private final Semaphore admission;
  private final BlockingQueue<Idle> idle = new LinkedBlockingQueue<>();
  private final Set<WorkerProcess> all = ConcurrentHashMap.newKeySet();
  /** Workers being started, and requests inside {@link #takeWorker}; changed under this pool's lock. */
  private int starting;
  private int waiting;
  private final ExecutorService starter = Executors.newSingleThreadExecutor(DaemonThreads.named("gememu-worker-start"));
  private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("gememu-watchdog"));
  private final AtomicInteger nextId = new AtomicInteger();
  private volatile boolean closed;

  /** A pool of GraalPy worker JVMs. */
  public WorkerPoolExecutor(ExecutorOptions options, ExecutionLimits limits) {
    this(WorkerCommand.graalPy(WorkerLauncher.of(options, limits)), options.sizes(), options.queue(), limits);
  }

  WorkerPoolExecutor(WorkerCommand command, int workers, int queue, ExecutionLimits limits) {
    this(command, Sizes.fixed(workers), queue, limits);
  }

  WorkerPoolExecutor(WorkerCommand command, Sizes sizes, int queue, ExecutionLimits limits) {
    this.limits = limits;
    this.command = command;
    this.sizes = sizes;
    this.admission = new Semaphore(sizes.max() + queue);
    watchdog.setRemoveOnCancelPolicy(true);
    // One after the other (a single starter thread): on few cores the first worker is ready sooner when it starts alone.
    synchronized (this) {
      for (int i = 0; i < sizes.min(); i++) {
        startOne();
      }
    }
    if (sizes.max() > sizes.min()) {
      long period = Math.max(1, sizes.idleBeforeStopping().toMillis() / 4);
      watchdog.scheduleWithFixedDelay(this::stopIdleExtras, period, period, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public String describe() {
    return sizes.min() == sizes.max() ? command.describe() : command.describe() + ", " + sizes.min()
        + " started at once and more while requests find none ready, those stopped after "
        + sizes.idleBeforeStopping().toSeconds() + " s idle";
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
        idle.offer(new Idle(worker, System.nanoTime()));
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
   * or every one being replaced) the wait is for one to start, which may take longer. Starts another
   * worker when none is ready and the pool may grow.
   */
  private WorkerProcess takeWorker() {
    synchronized (this) {
      waiting++;
      growIfNoneReady();
    }
    try {
      long start = System.nanoTime();
      while (true) {
        Duration longestWait = all.stream().anyMatch(WorkerProcess::alive) ? limits.timeout() : WAIT_FOR_A_STARTING_WORKER;
        long left = start + longestWait.toNanos() - System.nanoTime();
        if (left <= 0) {
          throw new ExecutorSaturatedException("no worker came free within " + longestWait.toMillis() + " ms", true);
        }
        Idle next = idle.poll(Math.min(left, RECHECK_WORKERS.toNanos()), TimeUnit.NANOSECONDS);
        if (next == null) {
          continue;
        }
        if (next.worker().alive()) {
          return next.worker();
        }
        replace(next.worker());
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ExecutorSaturatedException("interrupted while waiting for a worker", true);
    } finally {
      synchronized (this) {
        waiting--;
      }
    }
  }

  /**
   * Starts workers, up to the maximum, while more requests wait than there are workers ready or
   * starting: an idle worker that answered just now is still making its next context, so it counts
   * as not ready yet.
   */
  private synchronized void growIfNoneReady() {
    long now = System.nanoTime();
    long ready = idle.stream().filter(entry -> now - entry.sinceNanos() >= MAKING_NEXT_CONTEXT.toNanos()).count();
    while (!closed && waiting > ready + starting && all.size() + starting < sizes.max()) {
      startOne();
    }
  }

  /** Stops workers beyond the minimum that have been idle long enough, the longest idle first. */
  private void stopIdleExtras() {
    long now = System.nanoTime();
    for (Idle entry : idle) {
      synchronized (this) {
        if (closed || all.size() <= sizes.min()) {
          return;
        }
        if (now - entry.sinceNanos() >= sizes.idleBeforeStopping().toNanos() && idle.remove(entry)) {
          all.remove(entry.worker());
          entry.worker().kill();
          LOG.info("Python worker {} stopped after {} s idle ({} left)", entry.worker().id(),
              sizes.idleBeforeStopping().toSeconds(), all.size());
        }
      }
    }
  }
  private void replace(WorkerProcess broken) {
    broken.kill();
    synchronized (this) {
      all.remove(broken);
      if (all.size() + starting < sizes.min()) {
        startOne();
      } else {
        growIfNoneReady();
      }
    }
  }

  /** Queues the start of one worker; the caller holds this pool's lock. */
  private void startOne() {
    if (closed) {
      return;
    }
    starting++;
    starter.execute(this::startAndOffer);
  }

  private void startAndOffer() {
    while (!closed) {
      try {
        WorkerProcess worker = WorkerProcess.start(nextId.incrementAndGet(), command);
        synchronized (this) {
          starting--;
          if (closed) {
            worker.kill();
            return;
          }
          all.add(worker);
          // Its first context is ready: it counts as ready at once.
          idle.offer(new Idle(worker, System.nanoTime() - MAKING_NEXT_CONTEXT.toNanos()));
        }
        LOG.info("Python worker {} (pid {}) ready: {}", worker.id(), worker.pid(), worker.description());
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
