package dev.gememu;

import dev.gememu.config.ServerConfig;
import dev.gememu.executor.PythonExecutor;
import dev.gememu.files.FileStore;
import dev.gememu.files.UploadMirror;
import dev.gememu.files.Uploads;
import dev.gememu.fixtures.FixtureDirectories;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.FixtureMatcher;
import dev.gememu.fixtures.FixtureResponder;
import dev.gememu.fixtures.FixtureStore;
import dev.gememu.fixtures.RecordedCalls;
import dev.gememu.fixtures.FixtureWatcher;
import dev.gememu.fixtures.Sleeper;
import dev.gememu.journal.ExchangeStore;
import dev.gememu.model.ContentGenerator;
import dev.gememu.model.InlineCodeResponder;
import dev.gememu.model.InputFiles;
import dev.gememu.model.ModelCatalog;
import dev.gememu.model.Responder;
import dev.gememu.model.TokenEstimator;
import dev.gememu.model.TurnRunner;
import dev.gememu.recording.FixtureWriter;
import dev.gememu.recording.Mode;
import dev.gememu.recording.RecordedAnswer;
import dev.gememu.recording.RecordingResponder;
import dev.gememu.recording.RecordingSettings;
import dev.gememu.recording.UpstreamProxy;
import dev.gememu.server.EmulatorServer;
import dev.gememu.server.ModelBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** The running parts of one gememu, shared by its {@link Gememu} handles: the composition root. */
final class Emulator implements AutoCloseable {
  static final int CALL_LOG_CAPACITY = ExchangeStore.DEFAULT_CAPACITY;

  final ServerConfig config;
  final PythonExecutor executor;
  final Scopes scopes;
  final CallLog calls;
  final ExchangeStore exchanges;
  final FileStore files;
  private final FixtureWatcher watcher;
  private final EmulatorServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Emulator(ServerConfig config, PythonExecutor executor, Scopes scopes, CallLog calls,
      ExchangeStore exchanges, FileStore files, FixtureWatcher watcher, EmulatorServer server) {
    this.config = config;
    this.executor = executor;
    this.scopes = scopes;
    this.calls = calls;
    this.exchanges = exchanges;
    this.files = files;
    this.watcher = watcher;
    this.server = server;
  }

  /**
   * Starts a server for {@code config}.
   *
   * @param executor runs the code, or null for the one the configuration describes; closed with the server
   * @param firstResponders asked before the fixtures, e.g. a test's scripted responder
   */
  static Emulator start(ServerConfig config, PythonExecutor executor, List<Responder> firstResponders) {
    return start(config, executor, firstResponders, Clock.systemUTC());
  }

  /** As {@link #start(ServerConfig, PythonExecutor, List)}, with the clock that dates and expires uploaded files. */
  static Emulator start(ServerConfig config, PythonExecutor executor, List<Responder> firstResponders, Clock clock) {
    RecordingSettings recording = config.recording();
    Path recordDir = recording.directory(config.fixtures().directories());
    if (recording.mode() != Mode.PLAYBACK && recordDir == null) {
      throw new IllegalArgumentException("--mode " + recording.mode().name().toLowerCase(Locale.ROOT)
          + " needs a directory to record to: --record-dir DIR or --fixtures DIR");
    }
    if (recording.mode() != Mode.PLAYBACK) {
      createDirectories(recordDir);
    }
    BackgroundExecutor background = executor != null ? null
        : new BackgroundExecutor(() -> config.executor().create(config.limits()));
    PythonExecutor python = executor != null ? executor : background;
    FixtureWatcher watcher = null;
    try {
      FixtureStore fixtures = new FixtureStore(new FixtureDirectories(fixtureDirs(config, recordDir), new FixtureLoader()));
      fixtures.reload();
      ExchangeStore exchanges = new ExchangeStore(ExchangeStore.DEFAULT_CAPACITY);
      SecureRandom random = new SecureRandom();
      FileStore files = FileStore.of(config.files(), clock, random);
      InputFiles inputFiles = new InputFiles(files);
      FixtureMatcher matcher = new FixtureMatcher();
      Scopes scopes = new Scopes(fixtures, store -> new FixtureResponder(store, matcher, Sleeper.SYSTEM,
          RecordedAnswer::new, recording.reexecute(), inputFiles));
      CallLog calls = CallLog.following(exchanges, scopes, CALL_LOG_CAPACITY);
      ModelCatalog catalog = new ModelCatalog(config.models());
      UpstreamProxy upstream = recording.mode() == Mode.PLAYBACK ? null
          : new UpstreamProxy(recording, recordDir, new FixtureWriter(), fixtures, files);
      List<Responder> responders = new ArrayList<>(firstResponders);
      responders.add(scopes);
      // Auto mode records what no fixture answers; inline code would answer some of those itself.
      responders.add(recording.mode() == Mode.AUTO ? new RecordingResponder(upstream) : new InlineCodeResponder());
      ContentGenerator generator = new ContentGenerator(catalog, responders, new TurnRunner(python),
          new TokenEstimator(), responseIds(), inputFiles);
      watcher = FixtureWatcher.start(fixtures, config.fixtures().pollInterval());
      ModelBackend backend = new ModelBackend(generator, catalog,
          Optional.ofNullable(recording.mode() == Mode.RECORD ? upstream : null),
          Optional.ofNullable(recording.mode() == Mode.AUTO ? upstream : null),
          new RecordedCalls(fixtures, RecordedAnswer::new));
      EmulatorServer server = new EmulatorServer(backend, files,
          new Uploads(files, random, clock, upstream == null ? UploadMirror.NONE : upstream.uploads()), fixtures,
          exchanges, config.serverSettings(), Clock.systemUTC()).start(config.host(), config.port());
      if (background != null) {
        background.start();
      }
      return new Emulator(config, python, scopes, calls, exchanges, files, watcher, server);
    } catch (RuntimeException e) {
      if (watcher != null) {
        watcher.close();
      }
      python.close();
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

  /**
   * Response ids shaped like Google's: 22 URL-safe base64 characters. They only need to differ, not
   * to be unguessable: the secure generator cost ~2% of a playback request.
   */
  static Supplier<String> responseIds() {
    return () -> {
      byte[] bytes = new byte[16];
      ThreadLocalRandom.current().nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 22);
    };
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    watcher.close();
    server.close();
    executor.close();
  }
}
