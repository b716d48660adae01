package dev.gememu.testing;

import com.google.genai.Client;
import dev.gememu.Gememu;
import dev.gememu.config.ServerConfig;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real gememu on a free loopback port for one test class, with the clients tests talk to it
 * through. Register it as a static {@code @RegisterExtension} field.
 */
public final class RunningGememu implements BeforeAllCallback, AfterAllCallback {
  /** Where the server shared by the classes using the defaults lives; JUnit closes it when the run ends. */
  private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(RunningGememu.class);
  private final UnaryOperator<ServerConfig> configure;
  private final boolean fakeExecutor;
  private Gememu gememu;
  private Client sdk;
  private RawHttp http;
  private Admin admin;

  private RunningGememu(UnaryOperator<ServerConfig> configure, boolean fakeExecutor) {
    this.configure = configure;
    this.fakeExecutor = fakeExecutor;
  }

  /** Defaults on port 0 with one warm context, adjusted by {@code configure}. */
  public static RunningGememu configuredBy(UnaryOperator<ServerConfig> configure) {
    return new RunningGememu(configure, false);
  }

  /**
   * The defaults, on one server shared by every class of the run that asks for them (each start
   * costs two worker JVMs): reset to the fixture files, with no calls captured, before each class.
   */
  public static RunningGememu withDefaults() {
    return new RunningGememu(null, false);
  }

  /**
   * The defaults with a {@link FakeExecutor} instead of Python, for tests of the wire alone: one
   * server shared like {@link #withDefaults()}'s, and no Python start-up.
   */
  public static RunningGememu withFakeExecutor() {
    return new RunningGememu(null, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (configure == null) {
      gememu = fakeExecutor
          ? context.getRoot().getStore(SHARED).getOrComputeIfAbsent(FakeExecutor.class,
              key -> Gememu.builder().executor(new FakeExecutor()).start(), Gememu.class)
          : context.getRoot().getStore(SHARED).getOrComputeIfAbsent(Gememu.class,
              key -> start(UnaryOperator.identity()), Gememu.class);
      gememu.reset();
    } else {
      gememu = start(configure);
    }
    sdk = Sdk.client(baseUrl());
    http = new RawHttp(baseUrl());
    admin = new Admin(baseUrl());
  }

  private static Gememu start(UnaryOperator<ServerConfig> configure) {
    ServerConfig base = ServerConfig.defaults().withPort(0);
    return Gememu.start(configure.apply(base.withLimits(base.limits().withWarmContexts(1))));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (configure != null) {
      gememu.close();
    }
  }

  /** The running gememu itself, e.g. for its captured exchanges. */
  public Gememu gememu() {
    return gememu;
  }

  public String baseUrl() {
    return gememu.baseUrl("127.0.0.1");
  }

  /** The official Java SDK pointed at this gememu. */
  public Client sdk() {
    return sdk;
  }

  public RawHttp http() {
    return http;
  }

  public Admin admin() {
    return admin;
  }
}
