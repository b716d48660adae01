package dev.gememu;

import dev.gememu.cli.ArgsParser;
import dev.gememu.cli.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Command-line entry point: parse flags, start gememu, stop it on shutdown. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    int[] exitCode = {0};
    ServerConfig config = ArgsParser.parse(args, exitCode);
    if (config == null) {
      System.exit(exitCode[0]);
    }
    Gememu gememu = Gememu.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(gememu::close, "gememu-shutdown"));
    LOG.info("Code execution: {}", gememu.executorDescription());
    LOG.info("Fixtures: {}", gememu.fixturesDescription());
    LOG.info("Uploaded files: {}", gememu.filesDescription());
    LOG.info("gememu listening on {} (models: {})", gememu.baseUrl(config.host()), String.join(", ", config.models()));
  }
}
