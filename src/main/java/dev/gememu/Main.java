package dev.gememu;

import dev.gememu.cli.GememuCommand;
import dev.gememu.config.ServerConfig;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.recording.Verifier;
import dev.gememu.server.EmulatorServer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Command-line entry point: {@code gememu [serve|lint|verify] [flags]}. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine(Main::serve).execute(args));
  }

  /** gememu's command line as a start-up runs it ({@link ServerCacheTraining} runs the same). */
  static CommandLine commandLine(Function<ServerConfig, AutoCloseable> server) {
    // Jackson's readers and writers (the fixtures' first: needed first) are built while picocli reads
    // the command line; neither needs the other. Whatever is not built by the time it is needed is
    // waited for (class initialisation) or built by whoever needs it.
    Thread prepare = new Thread(() -> {
      try {
        FixtureLoader.prepare();
        EmulatorServer.prepare();
      } catch (RuntimeException failed) {
        LOG.debug("Start-up preparation failed; done on first use instead", failed);
      }
    }, "gememu-prepare");
    prepare.setDaemon(true);
    prepare.start();
    return GememuCommand.commandLine(server, Verifier::run);
  }

  private static AutoCloseable serve(ServerConfig config) {
    Gememu gememu = Gememu.start(config);
    LOG.info("Code execution: {}", gememu.executorDescription());
    LOG.info("Fixtures: {}", gememu.fixturesDescription());
    LOG.info("Uploaded files: {}", gememu.filesDescription());
    LOG.info("gememu listening on {} (models: {})", gememu.baseUrl(config.host()), String.join(", ", config.models()));
    return gememu;
  }
}
