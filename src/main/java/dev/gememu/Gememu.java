package dev.gememu;

import dev.gememu.cli.ServerConfig;
import dev.gememu.executor.GraalPyExecutor;
import dev.gememu.executor.PythonExecutor;
import dev.gememu.model.ContentGenerator;
import dev.gememu.model.InlineCodeResponder;
import dev.gememu.model.ModelCatalog;
import dev.gememu.model.TokenEstimator;
import dev.gememu.model.TurnRunner;
import dev.gememu.server.EmulatorServer;
import dev.gememu.server.ServerSettings;
import java.security.SecureRandom;
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

  private Gememu(PythonExecutor executor, EmulatorServer server) {
    this.executor = executor;
    this.server = server;
  }

  public static Gememu start(ServerConfig config) {
    PythonExecutor executor = new GraalPyExecutor(config.limits());
    try {
      ModelCatalog catalog = new ModelCatalog(config.models());
      ContentGenerator generator = new ContentGenerator(
          catalog,
          List.of(new InlineCodeResponder()),
          new TurnRunner(executor),
          new TokenEstimator(),
          responseIds(new SecureRandom()));
      EmulatorServer server = new EmulatorServer(generator, catalog, config.serverSettings()).start(config.host(), config.port());
      return new Gememu(executor, server);
    } catch (RuntimeException e) {
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

  public int port() {
    return server.port();
  }

  /** The base URL to give an SDK, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl(String host) {
    return "http://" + host + ":" + port();
  }

  public String executorDescription() {
    return executor.describe();
  }

  @Override
  public void close() {
    server.close();
    executor.close();
  }
}
