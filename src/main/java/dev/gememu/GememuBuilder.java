package dev.gememu;

import dev.gememu.config.ServerConfig;
import dev.gememu.executor.ExecutionLimits;
import dev.gememu.executor.ExecutorOptions;
import dev.gememu.executor.PythonExecutor;
import dev.gememu.fixtures.Fixture;
import dev.gememu.fixtures.FixtureSettings;
import dev.gememu.model.Responder;
import dev.gememu.recording.Mode;
import dev.gememu.server.ServerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Configures an embedded gememu. It starts from {@link ServerConfig#defaults()} with two changes
 * for tests: a free port and one worker process with one warm context.
 */
public final class GememuBuilder {
  private ServerConfig config;
  private final List<String> fixtureSources = new ArrayList<>();
  private final List<Fixture> fixtures = new ArrayList<>();
  private final List<Responder> responders = new ArrayList<>();
  private PythonExecutor executor;
  private ClassLoader classLoader = GememuBuilder.class.getClassLoader();

  GememuBuilder() {
    ServerConfig defaults = ServerConfig.defaults();
    this.config = defaults.withPort(0)
        .withExecutor(defaults.executor().withWorkers(1))
        .withLimits(defaults.limits().withWarmContexts(1));
  }

  /** The TCP port; 0 (the default) picks a free one. */
  public GememuBuilder port(int port) {
    config = config.withPort(port);
    return this;
  }

  /** Fixture directories on disk, re-read when their files change. */
  public GememuBuilder fixtureDirectories(Path... directories) {
    List<Path> all = new ArrayList<>(config.fixtures().directories());
    all.addAll(List.of(directories));
    config = config.withFixtures(config.fixtures().withDirectories(all));
    return this;
  }

  /**
   * Fixtures from class path resources (a fixture file, or a directory of them on disk) or paths,
   * read once at start; a broken one fails {@link #start()} with its file and line.
   */
  public GememuBuilder fixtures(String... resourcesOrPaths) {
    fixtureSources.addAll(List.of(resourcesOrPaths));
    return this;
  }

  /** Fixtures written in Java, served from the start and kept across {@link Gememu#reset()}. */
  public GememuBuilder fixture(FixtureBuilder fixture) {
    fixtures.add(fixture.build());
    return this;
  }

  /** Where code runs ({@code WORKER} processes by default, or {@code IN_PROCESS}) and how many workers. */
  public GememuBuilder executor(ExecutorOptions.Kind kind, int workers) {
    config = config.withExecutor(config.executor().withKind(kind).withWorkers(workers));
    return this;
  }

  /** Runs code with this executor instead of starting GraalPy (a fake, for tests of the wire); closed with gememu. */
  public GememuBuilder executor(PythonExecutor replacement) {
    this.executor = replacement;
    return this;
  }

  /** Asks this responder before any fixture, e.g. a scripted one for a test. */
  public GememuBuilder responder(Responder first) {
    responders.add(first);
    return this;
  }

  public GememuBuilder limits(ExecutionLimits limits) {
    config = config.withLimits(limits);
    return this;
  }

  /** Accept only these API keys (by default any non-empty key). */
  public GememuBuilder apiKeys(String... keys) {
    Set<String> accepted = new LinkedHashSet<>(List.of(keys));
    config = config.withHttp(new ServerSettings(accepted, config.http().lenient()));
    return this;
  }

  /** Accept unknown request fields instead of answering 400 as Google does. */
  public GememuBuilder lenient(boolean lenient) {
    config = config.withHttp(new ServerSettings(config.http().apiKeys(), lenient));
    return this;
  }

  public GememuBuilder models(String... models) {
    config = config.withModels(List.of(models));
    return this;
  }

  /** A directory of pure-Python packages mounted read-only on {@code sys.path}. */
  public GememuBuilder pythonLibs(Path directory) {
    config = config.withExecutor(config.executor().withFiles(config.executor().files().withPythonLibs(directory)));
    return this;
  }

  /**
   * Playback (fixtures only, the default), record (every call goes to the real API and is written as
   * a fixture in {@code recordDir}) or auto (play back, record on a miss).
   */
  public GememuBuilder mode(Mode mode, Path recordDir) {
    config = config.withRecording(config.recording().withMode(mode).withRecordDir(recordDir));
    return this;
  }

  /** Anything else the command line can set, e.g. {@code c -> c.withHost("0.0.0.0")}. */
  public GememuBuilder config(UnaryOperator<ServerConfig> change) {
    config = change.apply(config);
    return this;
  }

  /** Where {@link #fixtures(String...)} looks for class path resources; gememu's own loader by default. */
  public GememuBuilder classLoader(ClassLoader loader) {
    this.classLoader = loader;
    return this;
  }

  /** Starts gememu; returns once it answers. */
  public Gememu start() {
    List<Fixture> initial = new ArrayList<>();
    FixtureSources sources = new FixtureSources(classLoader);
    fixtureSources.forEach(source -> initial.addAll(sources.load(source)));
    initial.addAll(fixtures);
    Emulator emulator = Emulator.start(config, executor, responders);
    Gememu gememu = Gememu.of(emulator);
    try {
      initial.forEach(gememu::initialFixture);
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
    return gememu;
  }
}
