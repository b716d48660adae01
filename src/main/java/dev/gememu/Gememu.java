package dev.gememu;

import dev.gememu.config.ServerConfig;
import dev.gememu.fixtures.Fixture;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.FixtureStore;
import dev.gememu.journal.ExchangeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A running gememu, or one scope of it. Start one with {@link #builder()}, point an SDK at
 * {@link #baseUrl()}, add fixtures, and verify what the model was asked and what code ran with
 * {@link #requests()}.
 *
 * <p>A scope ({@link #openScope(String)}) shares the server but has its own fixtures, consulted
 * before the server's, and sees only its own calls: requests select it with the {@link #headers()}
 * it gives. The JUnit extension gives each test its own scope, so tests can run in parallel against
 * one server. Closing the server's handle stops it; closing a scope only forgets the scope.
 */
public final class Gememu implements AutoCloseable {
  private final Emulator emulator;
  private final Scope scope;

  private Gememu(Emulator emulator, Scope scope) {
    this.emulator = emulator;
    this.scope = scope;
  }

  /** A builder for an embedded gememu: a free loopback port and one worker unless told otherwise. */
  public static GememuBuilder builder() {
    return new GememuBuilder();
  }

  /** Starts gememu exactly as {@code config} says (the command line's way). */
  public static Gememu start(ServerConfig config) {
    return new GememuBuilder().config(ignored -> config).start();
  }

  static Gememu of(Emulator emulator) {
    return new Gememu(emulator, emulator.scopes.root());
  }

  /** The base URL to give an SDK, e.g. {@code http://127.0.0.1:51234}. */
  public String baseUrl() {
    String host = emulator.config.host();
    return baseUrl(host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host);
  }

  /** The base URL with another host name, e.g. one a container reaches this machine by. */
  public String baseUrl(String host) {
    return "http://" + host + ":" + port();
  }

  public int port() {
    return emulator.port();
  }

  /**
   * The headers a client must send for its requests to reach this scope's fixtures and appear in
   * its {@link #requests()}: empty for the server itself. With the official Java SDK:
   * {@code HttpOptions.builder().baseUrl(gememu.baseUrl()).headers(gememu.headers())}.
   */
  public Map<String, String> headers() {
    return scope.id() == null ? Map.of() : Map.of(Scopes.HEADER, scope.id());
  }

  /** Serves this fixture (in this scope) until {@link #reset()}. */
  public Gememu fixture(FixtureBuilder fixture) {
    return fixture(fixture.build());
  }

  /** Serves this fixture, written as in a fixture file (YAML or JSON), until {@link #reset()}. */
  public Gememu fixture(String yamlOrJson) {
    FixtureLoader.Format format = yamlOrJson.stripLeading().startsWith("{")
        ? FixtureLoader.Format.JSON : FixtureLoader.Format.YAML;
    return fixture(new FixtureLoader().parse(yamlOrJson, format, FixtureStore.ADMIN_ORIGIN, null));
  }

  Gememu fixture(Fixture fixture) {
    scope.store().add(fixture);
    return this;
  }

  /** Adds a fixture that {@link #reset()} keeps, e.g. one named on a test annotation. */
  void initialFixture(Fixture fixture) {
    scope.addInitial(fixture);
  }

  /**
   * Every exchange with the API as captured (the latest {@value ExchangeStore#DEFAULT_CAPACITY}),
   * whatever its scope: bodies, stream events, redacted headers. {@link #requests()} is the scoped,
   * filterable view tests usually want.
   */
  public ExchangeStore exchanges() {
    return emulator.exchanges;
  }

  /** The calls made to the model in this scope (for the server: all calls), to filter and count. */
  public Requests requests() {
    return new Requests(emulator.calls, scope);
  }

  /**
   * Back to the fixtures this scope started with (every sequence from its first answer; the server
   * re-reads its fixture files), and forgets the calls made in it.
   */
  public void reset() {
    scope.reset();
    emulator.calls.forget(scope);
    if (scope.parent() == null) {
      emulator.exchanges.clear();
    }
  }

  /**
   * A new scope inside this one, named after {@code label} (e.g. a test's name) plus a number, that
   * starts with (and resets to) the fixtures of {@code fixtures}: class path resources (looked up
   * with the thread's context class loader) or paths, as for {@link GememuBuilder#fixtures(String...)}.
   */
  public Gememu openScope(String label, String... fixtures) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    FixtureSources sources = new FixtureSources(loader != null ? loader : Gememu.class.getClassLoader());
    List<Fixture> initial = new ArrayList<>();
    for (String source : fixtures) {
      initial.addAll(sources.load(source));
    }
    Gememu child = new Gememu(emulator, emulator.scopes.open(scope, label));
    initial.forEach(child::initialFixture);
    return child;
  }

  /** How many fixtures the server serves and how many files could not be loaded, for the start-up log. */
  public String fixturesDescription() {
    FixtureStore.Snapshot snapshot = scope.store().snapshot();
    return snapshot.fixtures().size() + " served, " + snapshot.problems().size() + " file(s) with problems";
  }

  /** Where uploaded files are kept, for the start-up log. */
  public String filesDescription() {
    return emulator.files.describe();
  }

  /** Where code runs, for the start-up log. */
  public String executorDescription() {
    return emulator.executor.describe();
  }

  /** Stops the server; for a scope, forgets its fixtures and calls. */
  @Override
  public void close() {
    if (scope.parent() == null) {
      emulator.close();
    } else {
      emulator.scopes.close(scope);
      emulator.calls.forget(scope);
    }
  }
}
