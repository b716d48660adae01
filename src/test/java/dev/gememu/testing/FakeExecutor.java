package dev.gememu.testing;

import dev.gememu.executor.ExecutionRequest;
import dev.gememu.executor.ExecutionResult;
import dev.gememu.executor.PythonExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Pretends to run Python: answers {@code ran <code>} at once, so wire tests need no GraalPy start-up. */
public final class FakeExecutor implements PythonExecutor {
  private final List<String> executed = new CopyOnWriteArrayList<>();

  @Override
  public ExecutionResult execute(ExecutionRequest request) {
    String code = request.code();
    executed.add(code);
    return ExecutionResult.ok("ran " + code.strip() + "\n", "", Duration.ofMillis(1));
  }

  public List<String> executed() {
    return executed;
  }

  @Override
  public String describe() {
    return "fake executor";
  }

  @Override
  public void close() {}
}
