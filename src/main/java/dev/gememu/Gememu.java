package dev.gememu;

import dev.gememu.cli.ServerConfig;
import dev.gememu.executor.PythonExecutor;
import dev.gememu.files.FileStore;
import dev.gememu.files.Uploads;
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
import dev.gememu.model.InputFiles;
import dev.gememu.model.ModelCatalog;
import dev.gememu.model.TokenEstimator;
import dev.gememu.model.TurnRunner;
import dev.gememu.server.EmulatorServer;
import dev.gememu.server.ServerSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
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
  private final FileStore files;

  private Gememu(PythonExecutor executor, EmulatorServer server, FixtureWatcher watcher, FixtureStore fixtures,
      ExchangeStore exchanges, FileStore files) {
    this.executor = executor;
    this.server = server;
    this.watcher = watcher;
    this.fixtures = fixtures;
    this.exchanges = exchanges;
    this.files = files;
  }

  public static Gememu start(ServerConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** Starts with the given clock for file expiry and timestamps, so tests can move time on. */
  public static Gememu start(ServerConfig config, Clock clock) {
    PythonExecutor executor = config.executor().create(config.limits());
    FixtureWatcher watcher = null;
    try {
      FixtureStore fixtures = new FixtureStore(
          new FixtureDirectories(config.fixtures().directories(), new FixtureLoader()));
      fixtures.reload();
      SecureRandom random = new SecureRandom();
      FileStore files = FileStore.of(config.files(), clock, random);
      ExchangeStore exchanges = new ExchangeStore(ExchangeStore.DEFAULT_CAPACITY);
      ModelCatalog catalog = new ModelCatalog(config.models());
      InputFiles inputFiles = new InputFiles(files);
      ContentGenerator generator = new ContentGenerator(
          catalog,
          List.of(new FixtureResponder(fixtures, new FixtureMatcher(), Sleeper.SYSTEM, inputFiles),
              new InlineCodeResponder()),
          new TurnRunner(executor),
          new TokenEstimator(),
          responseIds(random),
          inputFiles);
      watcher = FixtureWatcher.start(fixtures, config.fixtures().pollInterval());
      EmulatorServer server = new EmulatorServer(generator, catalog, config.serverSettings(), fixtures, exchanges,
          Clock.systemUTC(), files, new Uploads(files, random))
          .start(config.host(), config.port());
      return new Gememu(executor, server, watcher, fixtures, exchanges, files);
    } catch (RuntimeException e) {
      if (watcher != null) {
        watcher.close();
      }
      executor.close();
      throw e;
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

  /** Where uploaded files are kept, for the start-up log. */
  public String filesDescription() {
    return files.describe();
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
