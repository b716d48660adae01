package dev.gememu.executor;

import java.io.IOException;

/**
 * How to start one worker process that speaks {@link WorkerProtocol} on its stdin and stdout: a
 * GraalPy worker JVM, or a CPython zygote inside its sandbox. {@link WorkerPoolExecutor} supervises
 * either the same way.
 */
interface WorkerCommand {

  /** Starts the process; its stderr must be a pipe (the supervisor drains it into the log). */
  Process start() throws IOException;

  /** What the workers are, for the start-up log. */
  String describe();

  /** GraalPy worker JVMs, started as the launcher says. */
  static WorkerCommand graalPy(WorkerLauncher launcher) {
    return new WorkerCommand() {
      @Override
      public Process start() throws IOException {
        return launcher.start();
      }

      @Override
      public String describe() {
        return launcher.describe();
      }
    };
  }
}
