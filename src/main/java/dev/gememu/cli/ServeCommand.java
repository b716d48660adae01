package dev.gememu.cli;

import dev.gememu.config.ServerConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gememu serve}: answers the Gemini API until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the Gemini API (the default command).")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  ArgsParser options;

  private final Function<ServerConfig, AutoCloseable> server;

  ServeCommand(Function<ServerConfig, AutoCloseable> server) {
    this.server = server;
  }

  @Override
  public Integer call() throws InterruptedException {
    return serveUntilStopped(server, options.toConfig());
  }

  /** Starts the server and waits until the JVM shuts down (Ctrl-C, SIGTERM), then stops it. */
  static int serveUntilStopped(Function<ServerConfig, AutoCloseable> server, ServerConfig config)
      throws InterruptedException {
    AutoCloseable running = server.apply(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.close();
      } catch (Exception e) {
        System.err.println("gememu: error while stopping: " + e);
      }
      stopped.countDown();
    }, "gememu-shutdown"));
    stopped.await();
    return 0;
  }
}
