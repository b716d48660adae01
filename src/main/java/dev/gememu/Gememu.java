package dev.gememu;

import dev.gememu.cli.ServerConfig;
import dev.gememu.executor.PythonExecutor;
import dev.gememu.fixtures.FixtureDirectories;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.FixtureMatcher;
import dev.gememu.fixtures.FixtureResponder;
import dev.gememu.fixtures.FixtureStore;
import dev.gememu.fixtures.FixtureWatcher;
import dev.gememu.fixtures.Sleeper;
import dev.gememu.journal.ExchangeStore;
import dev.gememu.model.ContentGenerator;
import dev.gememu.model.InlineCodeResponder;
import dev.gememu.model.Responder;
import dev.gememu.model.ModelCatalog;
import dev.gememu.model.TokenEstimator;
import dev.gememu.model.TurnRunner;
import dev.gememu.recording.FixtureWriter;
import dev.gememu.recording.Mode;
import dev.gememu.recording.RecordedAnswer;
import dev.gememu.recording.RecordingResponder;
import dev.gememu.recording.RecordingSettings;
import dev.gememu.recording.UpstreamProxy;
import dev.gememu.server.EmulatorServer;
import dev.gememu.server.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A running gememu: the composition root that wires configuration into objects. Embed it in tests
 * with {@code Gememu.start(ServerConfig.defaults().withPort(0))}.
 */
public final class Gememu implements AutoCloseable {
  private final PythonExecutor executor;
  private final EmulatorServer server;
  private final FixtureWatcher watcher;
  private final FixtureStore fixtures;
  private final ExchangeStore exchanges;

  private Gememu(PythonExecutor executor, EmulatorServer server, FixtureWatcher watcher, FixtureStore fixtures,
      ExchangeStore exchanges) {
    this.executor = executor;
    this.server = server;
    this.watcher = watcher;
    this.fixtures = fixtures;
    this.exchanges = exchanges;
  }

  public static Gememu start(ServerConfig config) {
    RecordingSettings recording = config.recording();
    Path recordDir = recording.directory(config.fixtures().directories());
    if (recording.mode() != Mode.PLAYBACK && recordDir == null) {
      throw new IllegalArgumentException("--mode " + recording.mode().name().toLowerCase(Locale.ROOT)
          + " needs a directory to record to: --record-dir DIR or --fixtures DIR");
    }
    PythonExecutor executor = config.executor().create(config.limits());
    FixtureWatcher watcher = null;
    try {
      FixtureStore fixtures = new FixtureStore(new FixtureDirectories(fixtureDirs(config, recordDir), new FixtureLoader()));
      fixtures.reload();
      ExchangeStore exchanges = new ExchangeStore(ExchangeStore.DEFAULT_CAPACITY);
      ModelCatalog catalog = new ModelCatalog(config.models());
      UpstreamProxy upstream = recording.mode() == Mode.PLAYBACK ? null
          : new UpstreamProxy(recording, createDirectories(recordDir), new FixtureWriter(), fixtures);
      FixtureResponder fixtureResponder = new FixtureResponder(fixtures, new FixtureMatcher(), Sleeper.SYSTEM,
          RecordedAnswer::new, recording.reexecute());
      List<Responder> responders = recording.mode() == Mode.AUTO
          ? List.of(fixtureResponder, new RecordingResponder(upstream))
          : List.of(fixtureResponder, new InlineCodeResponder());
      ContentGenerator generator = new ContentGenerator(catalog, responders, new TurnRunner(executor),
          new TokenEstimator(), responseIds(new SecureRandom()));
      watcher = FixtureWatcher.start(fixtures, config.fixtures().pollInterval());
      EmulatorServer server = new EmulatorServer(generator, catalog, config.serverSettings(), fixtures, exchanges,
          Clock.systemUTC(), Optional.ofNullable(recording.mode() == Mode.RECORD ? upstream : null))
          .start(config.host(), config.port());
      return new Gememu(executor, server, watcher, fixtures, exchanges);
    } catch (RuntimeException e) {
      if (watcher != null) {
        watcher.close();
      }
      executor.close();
      throw e;
    }
  }

  /** The fixture directories, plus the record directory when it is not one of them, so recordings play back. */
  private static List<Path> fixtureDirs(ServerConfig config, Path recordDir) {
    List<Path> dirs = new ArrayList<>(config.fixtures().directories());
    if (recordDir != null && !dirs.contains(recordDir)) {
      dirs.add(recordDir);
    }
    return dirs;
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the record directory " + dir, e);
    }
  }

  /** Response ids shaped like Google's: 22 URL-safe base64 characters. */
  static Supplier<String> responseIds(Random random) {
    return () -> {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 22);
    };
  }

  /** Every exchange with the API as captured (the latest {@value ExchangeStore#DEFAULT_CAPACITY}), for tests to inspect or await. */
  public ExchangeStore exchanges() {
    return exchanges;
  }

  public int port() {
    return server.port();
  }

  /** The base URL to give an SDK, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl(String host) {
    return "http://" + host + ":" + port();
  }

  /** How many fixtures are served and how many files could not be loaded, for the start-up log. */
  public String fixturesDescription() {
    FixtureStore.Snapshot snapshot = fixtures.snapshot();
    return snapshot.fixtures().size() + " served, " + snapshot.problems().size() + " file(s) with problems";
  }

  public String executorDescription() {
    return executor.describe();
  }

  @Override
  public void close() {
    watcher.close();
    server.close();
    executor.close();
  }
}
