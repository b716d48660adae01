package dev.gememu.executor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of a worker process: runs snippets sent on stdin with a {@link GraalPyExecutor} and
 * answers on stdout, one at a time, until stdin closes. After a run it could not stop, or one that
 * ran out of memory, it answers and then exits, so the server starts a clean replacement.
 */
public final class WorkerMain {
  /** Typical snippet work, so that a new worker's next requests are not run by a cold JVM. */
  private static final String WARM_UP = String.join("\n",
      "import os",
      "total = sum(n * n for n in range(200) if n % 3)",
      "print(total, os.getcwd(), {'k': [1, 2]})",
      "try:",
      "    1 / 0",
      "except ZeroDivisionError as e:",
      "    print(e)");
  private static final int WARM_UP_RUNS = 2;
  private static final Duration WARM_UP_GRACE = Duration.ofMillis(150);
  private static final Duration IDLE_BEFORE_COMPACTING = Duration.ofSeconds(2);
  /** First argument of a training run, see {@link WorkerLauncher#training}. */
  static final String TRAIN = "--train";
  /** What a training run executes: typical snippets, so that their classes go into the AOT cache. */
  private static final List<String> TRAINING = List.of(
      WARM_UP,
      "import math, json, re, collections, itertools, statistics, random, datetime, fractions, decimal",
      "primes = []\nn = 2\nwhile len(primes) < 50:\n    if all(n % p for p in primes):\n        primes.append(n)\n    n += 1\nprint(sum(primes))",
      "with open('out.txt', 'w') as f:\n    f.write('x')\nprint(open('out.txt').read())",
      "print('before')\nraise ValueError('boom')");
  private static final int TRAINING_ROUNDS = 5;

  private WorkerMain() {}

  /** Arguments: timeout millis, max output bytes, warm contexts, filesystem bytes, python-libs dir or "-". */
  public static void main(String[] args) throws IOException {
    if (args.length > 0 && TRAIN.equals(args[0])) {
      train(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    // Anything else that prints must not corrupt the frames on stdout.
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    GraalPyExecutor executor = executorFor(args);
    // Ready once the first context exists: a request waiting at start-up (the cold start) runs in it
    // at once instead of after a warm-up run and the creation of the context after that.
    awaitWarmContext(executor);
    WorkerProtocol.writeReady(out, executor.runtime());
    serve(executor, in, out);
    Runtime.getRuntime().halt(0);
  }

  private static GraalPyExecutor executorFor(String[] args) {
    ExecutionLimits limits = new ExecutionLimits(Duration.ofMillis(Long.parseLong(args[0])),
        Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    FilesystemPolicy files = new FilesystemPolicy(Long.parseLong(args[3]), "-".equals(args[4]) ? null : Path.of(args[4]));
    return new GraalPyExecutor(limits, files);
  }

  /** Runs the training snippets and exits normally, which is when the JVM writes its AOT cache. */
  private static void train(String[] args) {
    GraalPyExecutor executor = executorFor(args);
    for (int round = 0; round < TRAINING_ROUNDS; round++) {
      for (String snippet : TRAINING) {
        executor.execute(ExecutionRequest.of(snippet));
      }
    }
    executor.close();
    System.exit(0);
  }

  private static void serve(GraalPyExecutor executor, DataInputStream in, DataOutputStream out) throws IOException {
    int warmUpsLeft = WARM_UP_RUNS;
    IdleCompactor compactor = IdleCompactor.start(IDLE_BEFORE_COMPACTING);
    while (true) {
      // Warm up only while no request waits, so that being ready early costs a request nothing.
      if (warmUpsLeft > 0 && !requestWithin(in, WARM_UP_GRACE)) {
        executor.execute(ExecutionRequest.of(WARM_UP));
        warmUpsLeft--;
        continue;
      }
      ExecutionRequest request;
      try {
        request = WorkerProtocol.readRequest(in);
      } catch (EOFException serverGone) {
        return;
      }
      compactor.busy();
      ExecutionResult result = executor.execute(request);
      boolean retiring = executor.hasUnstoppedRuns() || ranOutOfMemory(result);
      WorkerProtocol.writeReply(out, new WorkerProtocol.Reply(result, retiring));
      compactor.idle();
      if (retiring) {
        return;
      }
    }
  }

  /** Whether a request arrives within the grace period; the server sends one just after "ready". */
  private static boolean requestWithin(DataInputStream in, Duration grace) throws IOException {
    long until = System.nanoTime() + grace.toNanos();
    while (in.available() == 0) {
      if (System.nanoTime() >= until) {
        return false;
      }
      sleepMillis(5);
    }
    return true;
  }

  private static void awaitWarmContext(GraalPyExecutor executor) {
    try {
      executor.awaitWarmContext();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean ranOutOfMemory(ExecutionResult result) {
    return result.outcome() == ExecutionOutcome.FAILED && result.error() != null
        && result.error().stripTrailing().endsWith("MemoryError");
  }
}
