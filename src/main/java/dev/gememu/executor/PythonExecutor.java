package dev.gememu.executor;

/**
 * Runs one Python snippet in isolation and reports what happened. Failures of the snippet (an
 * exception, a timeout, too much output) are outcomes in the result, never thrown; a pool with no
 * room left throws {@link ExecutorSaturatedException}.
 */
public interface PythonExecutor extends AutoCloseable {

  ExecutionResult execute(ExecutionRequest request);

  /** A short description for the start-up log, e.g. the Truffle runtime in use. */
  String describe();

  @Override
  void close();
}
