package dev.gememu.testing;

import dev.gememu.Gememu;
import dev.gememu.config.ServerConfig;
import dev.gememu.fixtures.FixtureSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real gememu (defaults, the shipped {@code fixtures/}) shared by every test class of a run that
 * asks for it, started on first use and closed when the run ends: the client ITs each drive it from
 * another language, and none of them changes its state. Register it as a static
 * {@code @RegisterExtension} field; a class whose toolchain is missing never starts it.
 */
public final class SharedGememu implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedGememu.class);

  private ExtensionContext.Store store;

  @Override
  public void beforeAll(ExtensionContext context) {
    store = context.getRoot().getStore(NAMESPACE);
  }

  /** The shared server's base URL, e.g. {@code http://127.0.0.1:39113}; starts it on first use. */
  public String baseUrl() {
    return store.getOrComputeIfAbsent("server", key -> new Server(), Server.class).baseUrl();
  }

  private static final class Server implements ExtensionContext.Store.CloseableResource {
    private final Gememu gememu = Gememu.start(ServerConfig.defaults().withPort(0)
        .withFixtures(FixtureSettings.none().withDirectories(List.of(Path.of("fixtures")))));

    String baseUrl() {
      return gememu.baseUrl("127.0.0.1");
    }

    @Override
    public void close() {
      gememu.close();
    }
  }
}
