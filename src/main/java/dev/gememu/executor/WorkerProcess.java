package dev.gememu.executor;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supervised worker process, used by one request at a time. A run that outlives its hard deadline
 * gets the process killed; a process that dies mid-run is reported as what most likely killed it.
 */
final class WorkerProcess {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);
  private static final int EXIT_OUT_OF_MEMORY = 3;
  private static final int STDERR_LINES_KEPT = 20;

  private final int id;
  private final Process process;
  private final DataOutputStream toWorker;
  private final DataInputStream fromWorker;
  private final Deque<String> lastStderr = new ArrayDeque<>();
  private String description;

  private WorkerProcess(int id, Process process) {
    this.id = id;
    this.process = process;
    this.toWorker = new DataOutputStream(process.getOutputStream());
    this.fromWorker = new DataInputStream(process.getInputStream());
    Thread drain = new Thread(this::drainStderr, "gememu-worker-" + id + "-stderr");
    drain.setDaemon(true);
    drain.start();
  }

  /** Starts a worker and waits until it has a warm context ready. */
  static WorkerProcess start(int id, WorkerCommand command) throws IOException {
    WorkerProcess worker = new WorkerProcess(id, command.start());
    try {
      worker.description = WorkerProtocol.readReady(worker.fromWorker);
      return worker;
    } catch (IOException e) {
      worker.kill();
      throw new IOException("worker " + id + " did not start: " + worker.stderrTail(), e);
    }
  }

  /** What happened to one request sent to this worker. */
  record Run(ExecutionResult result, boolean reusable) {}

  /** Runs the request; never throws for anything the snippet did. */
  Run run(ExecutionRequest request, ExecutionLimits limits, Duration hardDeadline, ScheduledExecutorService watchdog) {
    long start = System.nanoTime();
    AtomicBoolean killedByWatchdog = new AtomicBoolean();
    ScheduledFuture<?> alarm = watchdog.schedule(() -> {
      killedByWatchdog.set(true);
      process.destroyForcibly();
    }, hardDeadline.toMillis(), TimeUnit.MILLISECONDS);
    try {
      WorkerProtocol.writeRequest(toWorker, request);
      WorkerProtocol.Reply reply = WorkerProtocol.readReply(fromWorker);
      alarm.cancel(false);
      if (reply.retiring()) {
        kill();
      }
      return new Run(reply.result(), !reply.retiring() && !killedByWatchdog.get());
    } catch (IOException lost) {
      alarm.cancel(false);
      kill();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new Run(lostResult(killedByWatchdog.get(), limits, elapsed), false);
    }
  }

  private ExecutionResult lostResult(boolean deadline, ExecutionLimits limits, Duration elapsed) {
    if (deadline) {
      LOG.info("worker {} killed: snippet ran past its deadline", id);
      return ExecutionResult.deadlineExceeded("", "", GraalPyExecutor.deadlineMessage(limits), elapsed);
    }
    int exit = exitCode();
    if (exit == EXIT_OUT_OF_MEMORY) {
      LOG.info("worker {} ran out of memory and was replaced", id);
      return ExecutionResult.failed("", "", "MemoryError\n", elapsed);
    }
    LOG.warn("worker {} died (exit code {}): {}", id, exit, stderrTail());
    return ExecutionResult.failed("", "",
        "The execution environment stopped unexpectedly (exit code " + exit + ") and was restarted.\n", elapsed);
  }

  private int exitCode() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  int id() {
    return id;
  }

  String description() {
    return description;
  }

  long pid() {
    return process.pid();
  }

  void kill() {
    process.destroyForcibly();
  }

  private void drainStderr() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        LOG.debug("worker {}: {}", id, line);
        synchronized (lastStderr) {
          lastStderr.addLast(line);
          if (lastStderr.size() > STDERR_LINES_KEPT) {
            lastStderr.removeFirst();
          }
        }
      }
    } catch (IOException closed) {
      // The worker is gone; nothing more to read.
    }
  }

  private String stderrTail() {
    synchronized (lastStderr) {
      return String.join("\n", lastStderr);
    }
  }
}
