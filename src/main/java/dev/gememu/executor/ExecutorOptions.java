package dev.gememu.executor;

/**
 * How snippets are run: by which Python, and for GraalPy, in worker processes (the default) or
 * inside the server's JVM.
 *
 * @param interpreter which Python runs snippets: GraalPy, CPython, or auto (GraalPy unless the code imports a
 *     module only CPython has)
 * @param kind where GraalPy snippets run
 * @param workers most worker processes, each running one snippet at a time
 * @param minWorkers worker processes started at once and always kept; more start while requests find none
 *     ready, up to {@code workers}, and stop again once idle a while
 * @param workerHeapMb maximum heap of each worker JVM, in MiB
 * @param queue requests that may wait for a busy pool before the rest get 503 UNAVAILABLE
 * @param jit run workers with the Graal JIT compiler when a JDK 25 and the compiler jar are present
 * @param files what a snippet may see of files
 */
public record ExecutorOptions(Interpreter interpreter, Kind kind, int workers, int minWorkers, int workerHeapMb, int queue,
    boolean jit, FilesystemPolicy files) {

  /** Where snippets run. */
  public enum Kind {
    /** Separate supervised JVMs: a snippet that cannot be stopped or that exhausts memory costs only its worker. */
    WORKER,
    /** The server's own JVM: faster to start, weaker isolation. */
    IN_PROCESS
  }

  public ExecutorOptions {
    if (interpreter == null) {
      throw new IllegalArgumentException("interpreter must not be null");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("workers must be between 1 and 64, was " + workers);
    }
    if (minWorkers < 1 || minWorkers > workers) {
      throw new IllegalArgumentException("minWorkers must be between 1 and workers (" + workers + "), was " + minWorkers);
    }
    if (workerHeapMb < 64) {
      throw new IllegalArgumentException("workerHeapMb must be at least 64, was " + workerHeapMb);
    }
    if (queue < 0) {
      throw new IllegalArgumentException("queue must not be negative, was " + queue);
    }
    if (files == null) {
      throw new IllegalArgumentException("files must not be null");
    }
  }

  /**
   * Auto, up to two workers (of 512 MiB for GraalPy) per Python of which one starts at once, 64
   * queued requests, no JIT.
   */
  public static ExecutorOptions defaults() {
    return new ExecutorOptions(Interpreter.AUTO, Kind.WORKER, 2, 1, 512, 64, false, FilesystemPolicy.defaults());
  }

  public ExecutorOptions withInterpreter(Interpreter newInterpreter) {
    return new ExecutorOptions(newInterpreter, kind, workers, minWorkers, workerHeapMb, queue, jit, files);
  }

  public ExecutorOptions withKind(Kind newKind) {
    return new ExecutorOptions(interpreter, newKind, workers, minWorkers, workerHeapMb, queue, jit, files);
  }

  /** At most {@code newWorkers}; the minimum is lowered to it when it was higher. */
  public ExecutorOptions withWorkers(int newWorkers) {
    return new ExecutorOptions(interpreter, kind, newWorkers, Math.min(minWorkers, newWorkers), workerHeapMb, queue, jit,
        files);
  }

  public ExecutorOptions withMinWorkers(int newMinWorkers) {
    return new ExecutorOptions(interpreter, kind, workers, newMinWorkers, workerHeapMb, queue, jit, files);
  }

  public ExecutorOptions withWorkerHeapMb(int newWorkerHeapMb) {
    return new ExecutorOptions(interpreter, kind, workers, minWorkers, newWorkerHeapMb, queue, jit, files);
  }

  public ExecutorOptions withQueue(int newQueue) {
    return new ExecutorOptions(interpreter, kind, workers, minWorkers, workerHeapMb, newQueue, jit, files);
  }

  public ExecutorOptions withJit(boolean newJit) {
    return new ExecutorOptions(interpreter, kind, workers, minWorkers, workerHeapMb, queue, newJit, files);
  }

  public ExecutorOptions withFiles(FilesystemPolicy newFiles) {
    return new ExecutorOptions(interpreter, kind, workers, minWorkers, workerHeapMb, queue, jit, newFiles);
  }

  /**
   * Builds the executor these options describe. CPython asked for where it cannot run (no
   * bubblewrap, no library set) is an {@link IllegalStateException} saying how to install it; auto
   * then runs GraalPy alone.
   */
  public PythonExecutor create(ExecutionLimits limits) {
    String cpythonMissing = CPythonZygote.unavailability().orElse(null);
    if (interpreter == Interpreter.CPYTHON && cpythonMissing != null) {
      CPythonZygote.create(limits, files, workers);
    }
    return new RoutingExecutor(interpreter, () -> createGraalPy(limits),
        () -> new WorkerPoolExecutor(CPythonZygote.create(limits, files, workers), sizes(), queue, limits),
        cpythonMissing == null ? CPythonZygote.modulesOnlyCPythonHas(files) : java.util.Set.of(), cpythonMissing);
  }

  /** How many workers a pool starts with and may grow to. */
  WorkerPoolExecutor.Sizes sizes() {
    return new WorkerPoolExecutor.Sizes(minWorkers, workers, WorkerPoolExecutor.Sizes.IDLE_BEFORE_STOPPING);
  }

  private PythonExecutor createGraalPy(ExecutionLimits limits) {
    return kind == Kind.WORKER ? new WorkerPoolExecutor(this, limits) : new GraalPyExecutor(limits, files);
  }
}
