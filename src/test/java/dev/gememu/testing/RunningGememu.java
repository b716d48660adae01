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
  private final UnaryOperator<ServerConfig> configure;
  private Gememu gememu;
  private Client sdk;
  private RawHttp http;
  private Admin admin;

  private RunningGememu(UnaryOperator<ServerConfig> configure) {
    this.configure = configure;
  }

  /** Defaults on port 0 with one warm context, adjusted by {@code configure}. */
  public static RunningGememu configuredBy(UnaryOperator<ServerConfig> configure) {
    return new RunningGememu(configure);
  }

  public static RunningGememu withDefaults() {
    return new RunningGememu(UnaryOperator.identity());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ServerConfig base = ServerConfig.defaults().withPort(0);
    gememu = Gememu.start(configure.apply(base.withLimits(base.limits().withWarmContexts(1))));
    sdk = Sdk.client(baseUrl());
    http = new RawHttp(baseUrl());
    admin = new Admin(baseUrl());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    gememu.close();
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
