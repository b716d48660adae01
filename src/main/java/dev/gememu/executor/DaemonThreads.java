package dev.gememu.executor;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep the JVM alive (a worker or server exits when its main work ends), named for thread dumps. */
final class DaemonThreads {
  private DaemonThreads() {}

  static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
