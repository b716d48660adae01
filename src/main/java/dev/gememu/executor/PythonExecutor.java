package dev.gememu.executor;

/**
 * Runs one Python snippet in isolation and reports what happened. Failures of the snippet (an
 * exception, a timeout, too much output) are outcomes in the result, never thrown.
 */
public interface PythonExecutor extends AutoCloseable {

  ExecutionResult execute(String code);

  /** Runs a snippet with input files in its working directory; executors without a filesystem refuse files. */
  default ExecutionResult execute(ExecutionRequest request) {
    if (!request.files().isEmpty()) {
      throw new UnsupportedOperationException(describe() + " cannot place input files");
    }
    return execute(request.code());
  }

  /** A short description for the start-up log, e.g. the Truffle runtime in use. */
  String describe();

  @Override
  void close();
}
