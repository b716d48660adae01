package dev.gememu.executor;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;

/**
 * Runs each snippet in a fresh, deny-by-default GraalPy context on one shared {@link Engine}, inside
 * this JVM. Contexts are created ahead of need on a background thread.
 *
 * <p>Isolation is that of the CONSTRAINED sandbox policy only: a snippet stuck in a long built-in
 * keeps its thread busy after its deadline, and a memory bomb can exhaust this JVM's heap.
 */
public final class GraalPyExecutor implements PythonExecutor {
  private static final Duration GRACE_AFTER_CANCEL = Duration.ofSeconds(1);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final Duration WAIT_FOR_WARM_CONTEXT = Duration.ofSeconds(10);

  private final Engine engine;
  private final Source runnerSource;
  private final ExecutionLimits limits;
  private final FilesystemPolicy files;
  private final AtomicInteger unstoppedRuns = new AtomicInteger();
  private final BlockingQueue<SandboxedContext> warm;
  private final ExecutorService runThreads = Executors.newCachedThreadPool(DaemonThreads.named("gememu-python"));
  private final ExecutorService warmer = Executors.newSingleThreadExecutor(DaemonThreads.named("gememu-warmer"));
  // close(true) blocks while a snippet is stuck in a built-in, so closing never happens on a thread we need.
  private final ExecutorService closer = Executors.newCachedThreadPool(DaemonThreads.named("gememu-close"));

  public GraalPyExecutor(ExecutionLimits limits) {
    this(limits, FilesystemPolicy.defaults());
  }

  public GraalPyExecutor(ExecutionLimits limits, FilesystemPolicy files) {
    this.limits = limits;
    this.files = files;
    this.engine =
        Engine.newBuilder("python")
            .sandbox(SandboxPolicy.CONSTRAINED)
            .out(OutputStream.nullOutputStream())
            .err(OutputStream.nullOutputStream())
            .option("engine.WarnInterpreterOnly", "false")
            .build();
    this.runnerSource = loadRunner();
    this.warm = new ArrayBlockingQueue<>(Math.max(1, limits.warmContexts()));
    for (int i = 0; i < limits.warmContexts(); i++) {
      refill();
    }
  }

  @Override
  public String describe() {
    return runtime() + ", in-process";
  }

  /** The GraalPy version and the Truffle runtime the engine really runs on, e.g. {@code Interpreted}. */
  String runtime() {
    return "GraalPy " + engine.getVersion() + ", Truffle runtime: " + engine.getImplementationName();
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request) {
    SandboxedContext context = takeContext();
    long start = System.nanoTime();
    CompletableFuture<String> run =
        CompletableFuture.supplyAsync(() -> context.run(request.code(), request.files()), runThreads);
    try {
      CompletableFuture.anyOf(run, context.overflow()).get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (context.outputOverflowed()) {
        stop(context, run);
        return outputLimitResult(context, elapsedSince(start));
      }
      String error = run.get();
      Duration elapsed = elapsedSince(start);
      return error == null
          ? ExecutionResult.ok(context.stdout(), context.stderr(), elapsed)
          : ExecutionResult.failed(context.stdout(), context.stderr(), error, elapsed);
    } catch (TimeoutException deadline) {
      stop(context, run);
      return ExecutionResult.deadlineExceeded(context.stdout(), context.stderr(), deadlineMessage(limits),
          elapsedSince(start));
    } catch (ExecutionException crashed) {
      return crashResult(context, crashed.getCause(), elapsedSince(start));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      stop(context, run);
      return ExecutionResult.failed(context.stdout(), context.stderr(), "Execution was interrupted.\n",
          elapsedSince(start));
    } finally {
      closer.execute(context::close);
      refill();
    }
  }

  static String deadlineMessage(ExecutionLimits limits) {
    Duration timeout = limits.timeout();
    String shown = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    return "Execution exceeded the " + shown + " time limit and was stopped.\n";
  }

  private ExecutionResult outputLimitResult(SandboxedContext context, Duration elapsed) {
    return ExecutionResult.failed(context.stdout(), context.stderr(),
        "Output limit of " + limits.maxOutputBytes() + " bytes reached: output truncated and execution stopped.\n",
        elapsed);
  }

  /** The context itself failed: exit, cancellation, or an internal error of the guest. */
  private ExecutionResult crashResult(SandboxedContext context, Throwable cause, Duration elapsed) {
    if (cause instanceof PolyglotException polyglot && polyglot.isExit()) {
      return polyglot.getExitStatus() == 0
          ? ExecutionResult.ok(context.stdout(), context.stderr(), elapsed)
          : ExecutionResult.failed(context.stdout(), context.stderr(),
              "SystemExit: " + polyglot.getExitStatus() + "\n", elapsed);
    }
    if (cause instanceof PolyglotException polyglot && polyglot.isResourceExhausted()) {
      return ExecutionResult.failed(context.stdout(), context.stderr(), "MemoryError\n", elapsed);
    }
    return ExecutionResult.failed(context.stdout(), context.stderr(), SandboxDenial.describe(cause), elapsed);
  }

  private void stop(SandboxedContext context, CompletableFuture<String> run) {
    closer.execute(context::cancel);
    try {
      run.get(GRACE_AFTER_CANCEL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException stuckInABuiltIn) {
      // Left to finish alone; counted so that a worker process knows it must be replaced.
      unstoppedRuns.incrementAndGet();
      run.whenComplete((ignored, error) -> unstoppedRuns.decrementAndGet());
    } catch (ExecutionException cancelled) {
      // A cancelled run ends with an exception: that is the normal way out.
    }
  }

  /** True while a snippet that was stopped is still running (stuck in a built-in). */
  boolean hasUnstoppedRuns() {
    return unstoppedRuns.get() > 0;
  }

  /**
   * The context the warmer has made or is making: waiting for it is never slower than making a second
   * one beside it on the same cores (and at start-up, the first context takes seconds).
   */
  private SandboxedContext takeContext() {
    if (limits.warmContexts() == 0) {
      return newContext();
    }
    try {
      SandboxedContext ready = warm.poll(WAIT_FOR_WARM_CONTEXT.toMillis(), TimeUnit.MILLISECONDS);
      return ready != null ? ready : newContext();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return newContext();
    }
  }

  /** Blocks until the next execution's context exists, so that it will not pay for creating one. */
  void awaitWarmContext() throws InterruptedException {
    while (limits.warmContexts() > 0 && warm.isEmpty()) {
      Thread.sleep(5);
    }
  }

  private void refill() {
    if (limits.warmContexts() == 0) {
      return;
    }
    warmer.execute(() -> {
      if (warm.remainingCapacity() > 0) {
        SandboxedContext context = newContext();
        if (!warm.offer(context)) {
          context.close();
        }
      }
    });
  }

  private SandboxedContext newContext() {
    return SandboxedContext.create(engine, runnerSource, limits.maxOutputBytes(), files);
  }

  private static Duration elapsedSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static Source loadRunner() {
    return Source.newBuilder("python", RunnerScripts.withGeminiTraceback("snippet_runner.py"), "snippet_runner.py").buildLiteral();
  }

  @Override
  public void close() {
    warmer.shutdownNow();
    runThreads.shutdownNow();
    closer.shutdown();
    awaitQuietly(warmer);
    SandboxedContext context;
    while ((context = warm.poll()) != null) {
      context.close();
    }
    // A snippet stuck in a built-in never lets the engine close; do not hang the caller on it.
    Thread closer = new Thread(() -> engine.close(true), "gememu-engine-close");
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(CLOSE_WAIT.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(ExecutorService service) {
    try {
      service.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
