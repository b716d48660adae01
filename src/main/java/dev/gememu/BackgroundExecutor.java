package dev.gememu;

import dev.gememu.executor.ExecutionRequest;
import dev.gememu.executor.ExecutionResult;
import dev.gememu.executor.PythonExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The configured executor, made on a thread of its own once the server listens: making it (the
 * class path scan, the sandbox probes, the worker JVMs) no longer holds back the first answer that
 * runs no code. Code waits until it is made; a failure to make it is raised by every call.
 */
final class BackgroundExecutor implements PythonExecutor {
  private final Supplier<PythonExecutor> factory;
  private final CompletableFuture<PythonExecutor> made = new CompletableFuture<>();

  BackgroundExecutor(Supplier<PythonExecutor> factory) {
    this.factory = factory;
  }

  /** Starts making the executor; returns this. */
  BackgroundExecutor start() {
    Thread maker = new Thread(() -> {
      try {
        made.complete(factory.get());
      } catch (RuntimeException | Error failed) {
        made.completeExceptionally(failed);
      }
    }, "gememu-executor-start");
    maker.setDaemon(true);
    maker.start();
    return this;
  }

  private PythonExecutor executor() {
    try {
      return made.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw failed;
    }
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request) {
    return executor().execute(request);
  }

  @Override
  public String describe() {
    return executor().describe();
  }

  /** Closes the executor, at once when it is made, else as soon as it is. */
  @Override
  public void close() {
    made.thenAccept(PythonExecutor::close);
  }
}
