package dev.gememu;

import dev.gememu.cli.GememuCommand;
import dev.gememu.config.ServerConfig;
import dev.gememu.recording.Verifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Command-line entry point: {@code gememu [serve|lint|verify] [flags]}. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    System.exit(GememuCommand.commandLine(Main::serve, Verifier::run).execute(args));
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
