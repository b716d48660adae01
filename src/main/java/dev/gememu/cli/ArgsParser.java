package dev.gememu.cli;

import dev.gememu.executor.ExecutorOptions;
import dev.gememu.executor.FilesystemPolicy;
import dev.gememu.files.FileSettings;
import dev.gememu.fixtures.FixtureSettings;
import dev.gememu.server.ServerSettings;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reads command-line flags, falling back to GEMEMU_* environment variables, into a {@link ServerConfig}. */
@Command(name = "gememu", mixinStandardHelpOptions = true, version = "gememu 0.1.0",
    description = "Local, offline emulator of the Gemini API that really runs the model's Python.")
public final class ArgsParser implements Callable<ServerConfig> {

  @Option(names = "--host", defaultValue = "${env:GEMEMU_HOST:-127.0.0.1}",
      description = "Address to bind (env GEMEMU_HOST, default ${DEFAULT-VALUE}).")
  private String host;

  @Option(names = "--port", defaultValue = "${env:GEMEMU_PORT:-8080}",
      description = "Port to listen on, 0 for any free port (env GEMEMU_PORT, default ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--models", split = ",", defaultValue = "${env:GEMEMU_MODELS:-"
      + "gemini-2.5-flash,gemini-2.5-pro,gemini-2.0-flash,gemini-3-flash-preview,gemini-3-pro-preview}",
      description = "Comma-separated model ids to answer as (env GEMEMU_MODELS).")
  private List<String> models;

  @Option(names = "--timeout", defaultValue = "${env:GEMEMU_TIMEOUT:-30s}",
      converter = DurationConverter.class,
      description = "Time limit of one code execution, e.g. 30s, 500ms (env GEMEMU_TIMEOUT, default ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(names = "--max-output", defaultValue = "${env:GEMEMU_MAX_OUTPUT:-1048576}",
      description = "Bytes of stdout+stderr one execution may write before it is stopped"
          + " (env GEMEMU_MAX_OUTPUT, default ${DEFAULT-VALUE}).")
  private int maxOutputBytes;

  @Option(names = "--warm-contexts", defaultValue = "${env:GEMEMU_WARM_CONTEXTS:-2}",
      description = "Python contexts kept ready ahead of requests (default ${DEFAULT-VALUE}).")
  private int warmContexts;

  @Option(names = "--api-key", split = ",", defaultValue = "${env:GEMEMU_API_KEYS:-}",
      description = "Only accept these API keys (repeatable or comma-separated; env GEMEMU_API_KEYS)."
          + " Default: any non-empty key.")
  private List<String> apiKeys;

  @Option(names = "--lenient", defaultValue = "${env:GEMEMU_LENIENT:-false}",
      description = "Accept unknown request fields (logged) instead of answering 400 as Google does.")
  private boolean lenient;

  @Option(names = "--fixtures", paramLabel = "DIR",
      description = "Directory of fixture files; repeat for several (env GEMEMU_FIXTURES, a list separated by '"
          + "${sys:path.separator}'; flags replace the env list).")
  private List<Path> fixtureDirs;

  @Option(names = "--fixtures-poll", defaultValue = "${env:GEMEMU_FIXTURES_POLL:-1s}",
      converter = DurationConverter.class,
      description = "How often fixture files are checked for changes, 0 to turn hot reload off"
          + " (env GEMEMU_FIXTURES_POLL, default ${DEFAULT-VALUE}).")
  private Duration fixturesPoll;

  @Option(names = "--executor", defaultValue = "${env:GEMEMU_EXECUTOR:-worker}", converter = KindConverter.class,
      description = "Where code runs: worker (separate supervised JVMs) or in-process (weaker isolation)"
          + " (env GEMEMU_EXECUTOR, default ${DEFAULT-VALUE}).")
  private ExecutorOptions.Kind executorKind;

  @Option(names = "--workers", defaultValue = "${env:GEMEMU_WORKERS:-2}",
      description = "Worker processes, each running one snippet at a time (env GEMEMU_WORKERS, default ${DEFAULT-VALUE}).")
  private int workers;

  @Option(names = "--worker-heap", defaultValue = "${env:GEMEMU_WORKER_HEAP:-512m}", converter = MegabytesConverter.class,
      description = "Maximum heap of each worker JVM, e.g. 512m, 1g (env GEMEMU_WORKER_HEAP, default ${DEFAULT-VALUE}).")
  private int workerHeapMb;

  @Option(names = "--queue", defaultValue = "${env:GEMEMU_QUEUE:-64}",
      description = "Executions that may wait for a free worker before others get 503 UNAVAILABLE"
          + " (env GEMEMU_QUEUE, default ${DEFAULT-VALUE}).")
  private int queue;

  @Option(names = "--jit", negatable = true, defaultValue = "${env:GEMEMU_JIT:-false}", fallbackValue = "true",
      description = "Run workers with the Graal JIT (needs JDK 25; faster CPU-heavy snippets, slower first runs)"
          + " (env GEMEMU_JIT, default ${DEFAULT-VALUE}).")
  private boolean jit;

  @Option(names = "--python-libs", defaultValue = "${env:GEMEMU_PYTHON_LIBS:-}",
      description = "Directory of pure-Python packages mounted read-only on sys.path"
          + " (env GEMEMU_PYTHON_LIBS, default: python-libs/ of the build tree when populated).")
  private String pythonLibs;

  @Option(names = "--sandbox-disk", defaultValue = "${env:GEMEMU_SANDBOX_DISK:-64m}", converter = MegabytesConverter.class,
      description = "Size of each execution's in-memory filesystem (env GEMEMU_SANDBOX_DISK, default ${DEFAULT-VALUE}).")
  private int sandboxDiskMb;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:GEMEMU_DATA_DIR}",
      description = "Keep uploaded files in this directory across restarts (env GEMEMU_DATA_DIR; default: in memory).")
  private Path dataDir;

  @Option(names = "--files-max-bytes", defaultValue = "${env:GEMEMU_FILES_MAX_BYTES}", converter = BytesConverter.class,
      description = "Total size of the uploaded files kept, e.g. 512m, 2g (env GEMEMU_FILES_MAX_BYTES, default 512m).")
  private Long filesMaxBytes;

  @Override
  public ServerConfig call() {
    ServerConfig defaults = ServerConfig.defaults();
    Set<String> keys = new LinkedHashSet<>();
    apiKeys.stream().map(String::trim).filter(key -> !key.isEmpty()).forEach(keys::add);
    FilesystemPolicy files = defaults.executor().files().withMaxBytes((long) sandboxDiskMb << 20);
    if (!pythonLibs.isBlank()) {
      files = files.withPythonLibs(Path.of(pythonLibs));
    }
    return defaults.withHost(host).withPort(port).withModels(models)
        .withHttp(new ServerSettings(keys, lenient))
        .withLimits(defaults.limits().withTimeout(timeout).withMaxOutputBytes(maxOutputBytes)
            .withWarmContexts(warmContexts))
        .withExecutor(defaults.executor().withKind(executorKind).withWorkers(workers).withWorkerHeapMb(workerHeapMb)
            .withQueue(queue).withJit(jit).withFiles(files))
        .withFixtures(new FixtureSettings(fixtureDirs(fixtureDirs, System.getenv("GEMEMU_FIXTURES")), fixturesPoll))
        .withFiles(files(defaults.files()));
  }

  private FileSettings files(FileSettings defaults) {
    FileSettings files = defaults.withDataDirectory(dataDir);
    return filesMaxBytes == null ? files : files.withLimits(files.limits().withMaxTotalBytes(filesMaxBytes));
  }

  /** The --fixtures flags when given, else the GEMEMU_FIXTURES list. */
  static List<Path> fixtureDirs(List<Path> flags, String env) {
    if (flags != null && !flags.isEmpty()) {
      return flags;
    }
    List<Path> dirs = new ArrayList<>();
    if (env != null) {
      for (String dir : env.split(Pattern.quote(File.pathSeparator))) {
        if (!dir.isBlank()) {
          dirs.add(Path.of(dir.strip()));
        }
      }
    }
    return dirs;
  }

  /**
   * Parses the arguments. Returns null when picocli already answered (help, version, or an error it
   * printed); the exit code is then in {@code exitCode[0]}.
   */
  public static ServerConfig parse(String[] args, int[] exitCode) {
    CommandLine commandLine = new CommandLine(new ArgsParser());
    exitCode[0] = commandLine.execute(args);
    return commandLine.getExecutionResult();
  }

  /** Accepts {@code worker} and {@code in-process}. */
  static final class KindConverter implements CommandLine.ITypeConverter<ExecutorOptions.Kind> {
    @Override
    public ExecutorOptions.Kind convert(String value) {
      return ExecutorOptions.Kind.valueOf(value.trim().toUpperCase().replace('-', '_'));
    }
  }

  /** Accepts {@code 512m}, {@code 1g} or a number of MiB. */
  static final class MegabytesConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      String text = value.trim().toLowerCase();
      if (text.endsWith("g")) {
        return Integer.parseInt(text.substring(0, text.length() - 1)) * 1024;
      }
      return Integer.parseInt(text.endsWith("m") ? text.substring(0, text.length() - 1) : text);
    }
  }

  /** Accepts a number of bytes, or one with a {@code k}, {@code m} or {@code g} suffix (powers of 1024). */
  static final class BytesConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String text = value.trim().toLowerCase();
      int shift = text.endsWith("k") ? 10 : text.endsWith("m") ? 20 : text.endsWith("g") ? 30 : 0;
      return Long.parseLong(shift == 0 ? text : text.substring(0, text.length() - 1).trim()) << shift;
    }
  }

  /** Accepts {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601 ({@code PT30S}). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase();
      if (text.startsWith("pt")) {
        return Duration.parse(text.toUpperCase());
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      if (text.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
      }
      if (text.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(text));
    }
  }
}
