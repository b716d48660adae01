package dev.gememu;

import dev.gememu.cli.ArgsParser;
import dev.gememu.cli.ServerConfig;
import dev.gememu.recording.Verifier;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Command-line entry point: parse flags, start gememu, stop it on shutdown. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  /** {@code gememu verify DIR...}: re-runs every recorded code step and reports drift; see {@link Verifier}. */
  private static int verify(List<String> dirs) {
    if (dirs.isEmpty()) {
      System.err.println("usage: gememu verify FIXTURE_DIR...");
      return Verifier.UNREADABLE;
    }
    return Verifier.run(dirs.stream().map(Path::of).toList(), System.out);
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("verify")) {
      System.exit(verify(java.util.Arrays.asList(args).subList(1, args.length)));
    }
    int[] exitCode = {0};
    ServerConfig config = ArgsParser.parse(args, exitCode);
    if (config == null) {
      System.exit(exitCode[0]);
    }
    Gememu gememu = Gememu.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(gememu::close, "gememu-shutdown"));
    LOG.info("Code execution: {}", gememu.executorDescription());
    LOG.info("Fixtures: {}", gememu.fixturesDescription());
    LOG.info("gememu listening on {} (models: {})", gememu.baseUrl(config.host()), String.join(", ", config.models()));
  }
}
