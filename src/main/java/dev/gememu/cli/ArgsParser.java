package dev.gememu.cli;

import dev.gememu.config.ServerConfig;
import dev.gememu.executor.ExecutorOptions;
import dev.gememu.executor.Interpreter;
import dev.gememu.executor.FilesystemPolicy;
import dev.gememu.files.FileSettings;
import dev.gememu.fixtures.Durations;
import dev.gememu.fixtures.FixtureSettings;
import dev.gememu.journal.Redaction;
import dev.gememu.recording.Mode;
import dev.gememu.server.ServerSettings;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The flags of {@code gememu serve}, read into a {@link ServerConfig}. Defaults and environment
 * variables come from {@link ConfigDefaults}; nothing here repeats a default value.
 */
final class ArgsParser {

  @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on, 0 for any free port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--models", paramLabel = "MODEL", split = ",", description = "Comma-separated model ids to answer as (default ${DEFAULT-VALUE}).")
  List<String> models;

  @Option(names = "--extra-models", paramLabel = "MODEL", split = ",",
      description = "Comma-separated model ids to answer as besides --models.")
  List<String> extraModels;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time limit of one code execution, e.g. 30s, 500ms (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--max-output", paramLabel = "BYTES",
      description = "Bytes of stdout+stderr one execution may write before it is stopped (default ${DEFAULT-VALUE}).")
  int maxOutputBytes;

  @Option(names = "--warm-contexts", paramLabel = "N", description = "Python contexts kept ready ahead of requests (default ${DEFAULT-VALUE}).")
  int warmContexts;

  @Option(names = "--api-key", paramLabel = "KEY", split = ",",
      description = "Only accept these API keys (repeatable or comma-separated). Default: any non-empty key.")
  List<String> apiKeys;

  @Option(names = "--lenient", description = "Accept unknown request fields (logged) instead of answering 400 as Google does.")
  boolean lenient;

  @Option(names = "--fixtures", paramLabel = "DIR", description = "Directory of fixture files; repeat for several"
      + " (env: a list separated by '${sys:path.separator}'; flags replace the env list).")
  List<Path> fixtureDirs;

  @Option(names = "--fixtures-poll", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How often fixture files are checked for changes, 0 to turn hot reload off (default ${DEFAULT-VALUE}).")
  Duration fixturesPoll;

  @Option(names = "--executor", paramLabel = "EXECUTOR", converter = ExecutorConverter.class, description = "Which"
      + " Python runs code: graalpy (worker JVMs), cpython (Gemini's libraries, sandboxed by bubblewrap), auto"
      + " (GraalPy unless the code imports a library only CPython has) or in-process (GraalPy in the server's JVM,"
      + " weaker isolation) (default ${DEFAULT-VALUE}).")
  ExecutorChoice executor;

  @Option(names = "--workers", paramLabel = "N", description = "Most worker processes, each running one snippet at a time"
      + " (default ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--min-workers", paramLabel = "N", description = "Worker processes started at once and always kept; more"
      + " start while requests find none ready and stop after 30 s idle (default ${DEFAULT-VALUE}; at most --workers).")
  int minWorkers;

  @Option(names = "--worker-heap", paramLabel = "SIZE", converter = MegabytesConverter.class,
      description = "Maximum heap of each worker JVM, e.g. 512m, 1g (default ${DEFAULT-VALUE}).")
  int workerHeapMb;

  @Option(names = "--queue", paramLabel = "N", description = "Executions that may wait for a free worker before others get 503"
      + " UNAVAILABLE (default ${DEFAULT-VALUE}).")
  int queue;

  @Option(names = "--jit", negatable = true, fallbackValue = "true", description = "Run workers with the Graal JIT"
      + " (needs a JDK 25; faster CPU-heavy snippets, slower first runs) (default ${DEFAULT-VALUE}).")
  boolean jit;

  @Option(names = "--python-libs", paramLabel = "DIR", description = "Directory of pure-Python packages mounted read-only on sys.path"
      + " (default: none; bin/gememu passes its python-libs/ when populated).")
  String pythonLibs;

  @Option(names = "--sandbox-disk", paramLabel = "SIZE", converter = MegabytesConverter.class,
      description = "Size of each execution's in-memory filesystem (default ${DEFAULT-VALUE}).")
  int sandboxDiskMb;

  @Option(names = "--mode", paramLabel = "MODE", description = "playback (fixtures only, never the network), record"
      + " (pass every call to --upstream and record it) or auto (play back, record on a miss) (default ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--upstream", paramLabel = "URL", description = "The real API recorded from (default ${DEFAULT-VALUE})."
      + " The key sent is the client's own, or GEMEMU_UPSTREAM_API_KEY when set; it is never written anywhere.")
  String upstream;

  @Option(names = "--upstream-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long the upstream may keep a call waiting in record and auto mode: for its status line,"
          + " then for each next piece of its answer (default ${DEFAULT-VALUE}).")
  Duration upstreamTimeout;

  @Option(names = "--record-dir", paramLabel = "DIR",
      description = "Where recordings are written (default: the first --fixtures directory).")
  String recordDir;

  @Option(names = "--reexecute", description = "Run recorded code again on playback and serve its real output;"
      + " a difference from the recorded output is drift.")
  boolean reexecute;

  @Option(names = "--redact", paramLabel = "NAME", split = ",", description = "Extra headers, or JSON fields as json:NAME,"
      + " never written to recordings or the journal (API keys, Authorization and cookies always are redacted).")
  List<String> redact;
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Keep uploaded files in this directory across restarts (default: in memory).")
  Path dataDir;

  @Option(names = "--files-max-bytes", paramLabel = "SIZE", converter = BytesConverter.class,
      description = "Total size of the uploaded files kept, e.g. 512m, 2g (default ${DEFAULT-VALUE} bytes).")
  long filesMaxBytes;

  /** The configuration these flags describe, on top of {@link ServerConfig#defaults()}. */
  ServerConfig toConfig() {
    return toConfig(System.getenv(ConfigDefaults.envName("--fixtures")), System.getenv(UPSTREAM_KEY_ENV));
  }

  /** The key sent upstream in record and auto mode; an environment variable only, so it is in no command line. */
  static final String UPSTREAM_KEY_ENV = "GEMEMU_UPSTREAM_API_KEY";

  ServerConfig toConfig(String fixturesEnv, String upstreamKey) {
    ServerConfig defaults = ServerConfig.defaults();
    Set<String> keys = new LinkedHashSet<>();
    apiKeys.stream().map(String::trim).filter(key -> !key.isEmpty()).forEach(keys::add);
    FilesystemPolicy files = defaults.executor().files().withMaxBytes((long) sandboxDiskMb << 20);
    if (!pythonLibs.isBlank()) {
      files = files.withPythonLibs(Path.of(pythonLibs));
    }
    return defaults.withHost(host).withPort(port).withModels(modelIds(models, extraModels))
        .withHttp(new ServerSettings(keys, lenient, Redaction.of(redact == null ? List.of()
            : redact.stream().map(String::trim).filter(name -> !name.isEmpty()).toList())))
        .withRecording(defaults.recording().withMode(Mode.parse(mode)).withUpstream(URI.create(upstream))
            .withRecordDir(recordDir == null || recordDir.isBlank() ? null : Path.of(recordDir)).withReexecute(reexecute)
            .withUpstreamKey(upstreamKey).withUpstreamTimeout(upstreamTimeout))
        .withLimits(defaults.limits().withTimeout(timeout).withMaxOutputBytes(maxOutputBytes)
            .withWarmContexts(warmContexts))
        .withExecutor(defaults.executor().withInterpreter(executor.interpreter()).withKind(executor.kind()).withWorkers(workers)
            .withMinWorkers(Math.min(minWorkers, workers)).withWorkerHeapMb(workerHeapMb)
            .withQueue(queue).withJit(jit).withFiles(files))
        .withFixtures(new FixtureSettings(fixtureDirs(fixtureDirs, fixturesEnv), fixturesPoll))
        .withFiles(new FileSettings(dataDir, defaults.files().limits().withMaxTotalBytes(filesMaxBytes)));
  }

  /** The --models list, then the --extra-models not already in it. */
  static List<String> modelIds(List<String> models, List<String> extra) {
    Set<String> ids = new LinkedHashSet<>();
    for (List<String> list : List.of(models, extra == null ? List.<String>of() : extra)) {
      list.stream().map(String::trim).filter(id -> !id.isEmpty()).forEach(ids::add);
    }
    return List.copyOf(ids);
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

  /** Parses {@code gememu serve} flags alone (no environment): for tests and embedders. */
  static ServerConfig parse(String... args) {
    ArgsParser flags = new ArgsParser();
    CommandLine commandLine = new CommandLine(CommandLine.Model.CommandSpec.forAnnotatedObject(flags));
    commandLine.setDefaultValueProvider(new ConfigDefaults(name -> null));
    commandLine.parseArgs(args);
    return flags.toConfig(null, null);
  }

  /** Which Python, and for GraalPy where it runs. */
  record ExecutorChoice(Interpreter interpreter, ExecutorOptions.Kind kind) {}

  /** Accepts {@code graalpy}, {@code cpython}, {@code auto}, {@code in-process}, and {@code worker} (= graalpy). */
  static final class ExecutorConverter implements CommandLine.ITypeConverter<ExecutorChoice> {
    @Override
    public ExecutorChoice convert(String value) {
      String name = value.trim().toLowerCase(java.util.Locale.ROOT);
      switch (name) {
        case "in-process":
          return new ExecutorChoice(Interpreter.GRAALPY, ExecutorOptions.Kind.IN_PROCESS);
        case "worker":
          return new ExecutorChoice(Interpreter.GRAALPY, ExecutorOptions.Kind.WORKER);
        default:
          try {
            return new ExecutorChoice(Interpreter.valueOf(name.toUpperCase(java.util.Locale.ROOT)),
                ExecutorOptions.Kind.WORKER);
          } catch (IllegalArgumentException unknown) {
            throw new CommandLine.TypeConversionException(
                "'" + value + "' is not an executor: use graalpy, cpython, auto or in-process");
          }
      }
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

  /** The fixtures' duration grammar ({@code 30s}, {@code 500ms}, {@code 2m}, {@code PT30S}); a bare number is seconds. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.strip();
      return Durations.parse("duration", text.matches("\\d+") ? text + "s" : text);
    }
  }
}
