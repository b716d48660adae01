package dev.gememu.cli;

import dev.gememu.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gememu}: with no command it serves, as {@code gememu serve} does, so {@code gememu --port 9000}
 * keeps working; {@code lint} and {@code verify} check fixture directories.
 */
@Command(name = "gememu", mixinStandardHelpOptions = true, versionProvider = GememuCommand.Version.class,
    description = "Local, offline emulator of the Gemini API that really runs the model's Python.",
    footer = {"", "Every option can be set with an environment variable instead: GEMEMU_ and the option's name in"
        + " capitals with '_' for '-' (--max-output: GEMEMU_MAX_OUTPUT; --api-key: GEMEMU_API_KEYS)."
        + " A flag wins over its variable."})
public final class GememuCommand implements Callable<Integer> {
  @Mixin
  ArgsParser serve;

  private final Function<ServerConfig, AutoCloseable> server;

  private GememuCommand(Function<ServerConfig, AutoCloseable> server) {
    this.server = server;
  }

  /** What {@code gememu verify} runs (the record/replay feature supplies it). */
  @FunctionalInterface
  public interface Verification {
    /** Checks recorded fixture directories and returns the process exit code. */
    int run(List<Path> dirs, PrintStream out);
  }

  /**
   * The command line of gememu.
   *
   * @param server starts a gememu and returns what stops it
   * @param verification runs {@code gememu verify}, or null where this build has none
   */
  public static CommandLine commandLine(Function<ServerConfig, AutoCloseable> server, Verification verification) {
    CommandLine commandLine = new CommandLine(new GememuCommand(server))
        .addSubcommand("serve", new ServeCommand(server))
        .addSubcommand("lint", new LintCommand())
        .addSubcommand("verify", new VerifyCommand(verification))
        .addSubcommand("help", new CommandLine.HelpCommand());
    commandLine.setDefaultValueProvider(new ConfigDefaults(System::getenv));
    return commandLine;
  }

  @Override
  public Integer call() throws InterruptedException {
    return ServeCommand.serveUntilStopped(server, serve.toConfig());
  }

  /** {@code gememu X.Y.Z}, from the version Maven wrote into the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = GememuCommand.class.getResourceAsStream("/dev/gememu/version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"gememu " + properties.getProperty("version", "(unknown version)")};
    }
  }
}
