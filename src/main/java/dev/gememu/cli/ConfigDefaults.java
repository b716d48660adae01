package dev.gememu.cli;

import dev.gememu.executor.ExecutorOptions;

import dev.gememu.config.ServerConfig;
import dev.gememu.fixtures.Durations;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/**
 * Where a flag's value comes from when the command line does not give it: its environment variable
 * ({@code --max-output} reads {@code GEMEMU_MAX_OUTPUT}), else the value in {@link ServerConfig#defaults()},
 * spelled as the flag takes it. The defaults are written once, in the records.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
  static final String ENV_PREFIX = "GEMEMU_";
  /** Flags whose variable is not derived from the flag's name. */
  private static final Map<String, String> ENV_EXCEPTIONS = Map.of("--api-key", "GEMEMU_API_KEYS");

  private static final Map<String, Function<ServerConfig, Object>> DEFAULTS = Map.ofEntries(
      Map.entry("--host", ServerConfig::host),
      Map.entry("--port", ServerConfig::port),
      Map.entry("--models", config -> String.join(",", config.models())),
      Map.entry("--timeout", config -> Durations.protoSpelling(config.limits().timeout())),
      Map.entry("--max-output", config -> config.limits().maxOutputBytes()),
      Map.entry("--warm-contexts", config -> config.limits().warmContexts()),
      Map.entry("--api-key", config -> String.join(",", config.http().apiKeys())),
      Map.entry("--lenient", config -> config.http().lenient()),
      Map.entry("--fixtures-poll", config -> Durations.protoSpelling(config.fixtures().pollInterval())),
      Map.entry("--executor", config -> config.executor().kind() == ExecutorOptions.Kind.IN_PROCESS
          ? "in-process" : config.executor().interpreter().label()),
      Map.entry("--workers", config -> config.executor().workers()),
      Map.entry("--min-workers", config -> config.executor().minWorkers()),
      Map.entry("--worker-heap", config -> config.executor().workerHeapMb() + "m"),
      Map.entry("--queue", config -> config.executor().queue()),
      Map.entry("--jit", config -> config.executor().jit()),
      Map.entry("--python-libs", config -> config.executor().files().pythonLibs() == null
          ? "" : config.executor().files().pythonLibs()),
      Map.entry("--sandbox-disk", config -> (config.executor().files().maxBytes() >> 20) + "m"),
      Map.entry("--mode", config -> config.recording().mode().name().toLowerCase(Locale.ROOT)),
      Map.entry("--upstream", config -> config.recording().upstream()),
      Map.entry("--upstream-timeout", config -> Durations.protoSpelling(config.recording().upstreamTimeout())),
      Map.entry("--record-dir", config -> config.recording().recordDir() == null ? "" : config.recording().recordDir()),
      Map.entry("--reexecute", config -> config.recording().reexecute()),
      Map.entry("--redact", config -> ""),
      // --data-dir has no default (files in memory) but reads GEMEMU_DATA_DIR like every flag.
      Map.entry("--files-max-bytes", config -> config.files().limits().maxTotalBytes()));

  private final UnaryOperator<String> env;
  private final ServerConfig defaults = ServerConfig.defaults();

  /** @param env reads an environment variable, null when unset ({@code System::getenv}) */
  ConfigDefaults(UnaryOperator<String> env) {
    this.env = env;
  }

  /** The environment variable of a flag, e.g. {@code GEMEMU_MAX_OUTPUT} for {@code --max-output}. */
  static String envName(String flag) {
    return ENV_EXCEPTIONS.getOrDefault(flag,
        ENV_PREFIX + flag.replaceFirst("^-+", "").toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  @Override
  public String defaultValue(CommandLine.Model.ArgSpec spec) {
    if (!spec.isOption()) {
      return null;
    }
    String flag = ((CommandLine.Model.OptionSpec) spec).longestName();
    String fromEnv = env.apply(envName(flag));
    if (fromEnv != null && !"--fixtures".equals(flag)) {
      return fromEnv;
    }
    Function<ServerConfig, Object> fromRecord = DEFAULTS.get(flag);
    return fromRecord == null ? null : String.valueOf(fromRecord.apply(defaults));
  }
}
