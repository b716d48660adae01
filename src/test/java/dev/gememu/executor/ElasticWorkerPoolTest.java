package dev.gememu.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pool's size over time: the minimum at start, growth while requests find no worker ready, up to
 * the maximum, and back to the minimum once the extras idle. Workers here are in-JVM fakes speaking
 * {@link WorkerProtocol} (no Python), whose snippets wait for the test's signal where a test needs a
 * worker busy.
 */
class ElasticWorkerPoolTest {
  private static final Duration LONG = Duration.ofHours(1);
  private static final ExecutionLimits LIMITS = ExecutionLimits.defaults().withTimeout(Duration.ofSeconds(60));
  /** Generous: nothing here takes more than milliseconds unless it is broken. */
  private static final long GIVE_UP_SECONDS = 30;

  private final FakeWorkers workers = new FakeWorkers();

  @Test
  void startsOnlyTheMinimumWhenRequestsFindAWorkerReady() throws Exception {
    try (WorkerPoolExecutor pool = new WorkerPoolExecutor(workers, new WorkerPoolExecutor.Sizes(1, 3, LONG), 8, LIMITS)) {
      assertThat(run(pool, "print('one')").stdout()).isEqualTo("print('one')\n");

      assertThat(workers.started).hasSize(1);
      assertThat(pool.workerPids()).hasSize(1);
    }
  }

  @Test
  void growsWhileRequestsFindNoWorkerReadyButNeverPastTheMaximum() throws Exception {
    try (WorkerPoolExecutor pool = new WorkerPoolExecutor(workers, new WorkerPoolExecutor.Sizes(1, 2, LONG), 8, LIMITS)) {
      CompletableFuture<ExecutionResult> first = CompletableFuture.supplyAsync(() -> run(pool, "hold"));
      workers.awaitHolding(1);
      CompletableFuture<ExecutionResult> second = CompletableFuture.supplyAsync(() -> run(pool, "hold"));
      workers.awaitHolding(1);
      assertThat(workers.started).as("a second worker started for the request that found the first busy").hasSize(2);

      CompletableFuture<ExecutionResult> third = CompletableFuture.supplyAsync(() -> run(pool, "print('third')"));
      workers.release(1);
      assertThat(third.get(GIVE_UP_SECONDS, TimeUnit.SECONDS).stdout()).isEqualTo("print('third')\n");
      workers.release(1);
      assertThat(first.get(GIVE_UP_SECONDS, TimeUnit.SECONDS).outcome()).isEqualTo(ExecutionOutcome.OK);
      assertThat(second.get(GIVE_UP_SECONDS, TimeUnit.SECONDS).outcome()).isEqualTo(ExecutionOutcome.OK);
      assertThat(workers.started).as("the third request waited for a worker instead of a third one").hasSize(2);
    }
  }

  @Test
  void stopsTheExtraWorkersOnceIdleAndKeepsTheMinimumServing() throws Exception {
    Duration idle = Duration.ofMillis(200);
    try (WorkerPoolExecutor pool = new WorkerPoolExecutor(workers, new WorkerPoolExecutor.Sizes(1, 2, idle), 8, LIMITS)) {
      CompletableFuture<ExecutionResult> first = CompletableFuture.supplyAsync(() -> run(pool, "hold"));
      workers.awaitHolding(1);
      CompletableFuture<ExecutionResult> second = CompletableFuture.supplyAsync(() -> run(pool, "hold"));
      workers.awaitHolding(1);
      workers.release(2);
      first.get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
      second.get(GIVE_UP_SECONDS, TimeUnit.SECONDS);

      assertThat(workers.stopped.tryAcquire(GIVE_UP_SECONDS, TimeUnit.SECONDS)).as("an idle extra worker stopped").isTrue();
      assertThat(pool.workerPids()).hasSize(1);
      assertThat(run(pool, "print('after')").stdout()).isEqualTo("print('after')\n");
      assertThat(workers.stopped.availablePermits()).as("the minimum is never stopped").isZero();
      assertThat(workers.started).hasSize(2);
    }
  }

  private static ExecutionResult run(PythonExecutor pool, String code) {
    return pool.execute(ExecutionRequest.of(code));
  }

  /**
   * Starts fake workers: each announces itself, answers a snippet with its code as stdout, and for
   * the snippet {@code hold} first waits for {@link #release}.
   */
  private static final class FakeWorkers implements WorkerCommand {
    final List<FakeWorker> started = new CopyOnWriteArrayList<>();
    final Semaphore holding = new Semaphore(0);
    final Semaphore released = new Semaphore(0);
    final Semaphore stopped = new Semaphore(0);

    @Override
    public Process start() throws IOException {
      FakeWorker worker = new FakeWorker(this, started.size() + 1);
      started.add(worker);
      return worker;
    }

    @Override
    public String describe() {
      return "fake workers";
    }

    /** Waits until one more snippet holds its worker. */
    void awaitHolding(int more) throws InterruptedException {
      assertThat(holding.tryAcquire(more, GIVE_UP_SECONDS, TimeUnit.SECONDS)).as("%d more snippets holding", more).isTrue();
    }

    void release(int count) {
      released.release(count);
    }
  }

  /** A worker process inside this JVM, talking over pipes. */
  private static final class FakeWorker extends Process {
    private final FakeWorkers owner;
    private final long pid;
    private final Pipe toWorker = Pipe.open();
    private final Pipe fromWorker = Pipe.open();
    private final Pipe stderr = Pipe.open();
    private final CountDownLatch exited = new CountDownLatch(1);

    FakeWorker(FakeWorkers owner, long pid) throws IOException {
      this.owner = owner;
      this.pid = pid;
      Thread serving = new Thread(this::serve, "fake-worker-" + pid);
      serving.setDaemon(true);
      serving.start();
    }

    private void serve() {
      try {
        DataInputStream in = new DataInputStream(Channels.newInputStream(toWorker.source()));
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(fromWorker.sink()));
        WorkerProtocol.writeReady(out, "fake worker " + pid);
        while (true) {
          ExecutionRequest request = WorkerProtocol.readRequest(in);
          if (request.code().equals("hold")) {
            owner.holding.release();
            owner.released.acquire();
          }
          WorkerProtocol.writeReply(out, new WorkerProtocol.Reply(
              ExecutionResult.ok(request.code() + "\n", "", Duration.ZERO), false));
        }
      } catch (IOException | InterruptedException stopped) {
        // destroyed
      }
    }

    @Override
    public OutputStream getOutputStream() {
      return Channels.newOutputStream(toWorker.sink());
    }

    @Override
    public InputStream getInputStream() {
      return Channels.newInputStream(fromWorker.source());
    }

    @Override
    public InputStream getErrorStream() {
      return Channels.newInputStream(stderr.source());
    }

    @Override
    public int waitFor() throws InterruptedException {
      exited.await();
      return 137;
    }

    @Override
    public int exitValue() {
      if (exited.getCount() > 0) {
        throw new IllegalThreadStateException("still running");
      }
      return 137;
    }

    @Override
    public boolean isAlive() {
      return exited.getCount() > 0;
    }

    @Override
    public long pid() {
      return pid;
    }

    @Override
    public synchronized void destroy() {
      if (exited.getCount() == 0) {
        return;
      }
      exited.countDown();
      for (java.nio.channels.Channel channel : List.of(toWorker.sink(), toWorker.source(), fromWorker.sink(),
          fromWorker.source(), stderr.sink(), stderr.source())) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      owner.stopped.release();
    }
  }
}
