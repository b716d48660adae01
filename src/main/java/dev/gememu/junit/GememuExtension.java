package dev.gememu.junit;

import dev.gememu.Gememu;
import dev.gememu.GememuBuilder;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link GememuTest}. Register it yourself to configure the server:
 * {@code @RegisterExtension static GememuExtension gememu = GememuExtension.configuredBy(b -> b.apiKeys("k"));}
 *
 * Use it instead of {@link GememuTest}, not beside it (both would register), and name fixtures with
 * {@link GememuBuilder#fixtures(String...)}.
 *
 * <p>Per class it opens a scope holding the annotation's fixtures; per test, a scope inside it for
 * the test's own fixtures and calls, closed after the test. Clients it injects send the test
 * scope's header; a client you build yourself must send {@link Gememu#headers()}.
 */
public final class GememuExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GememuExtension.class);
  private static final String SERVER = "server";
  private static final String CLASS_SCOPE = "class-scope";
  private static final String TEST_SCOPE = "test-scope";
  private static final String GENAI_CLIENT = "com.google.genai.Client";

  private final UnaryOperator<GememuBuilder> configure;

  /** The extension {@link GememuTest} registers: servers with {@link Gememu#builder()}'s defaults. */
  public GememuExtension() {
    this(UnaryOperator.identity());
  }

  private GememuExtension(UnaryOperator<GememuBuilder> configure) {
    this.configure = configure;
  }

  /** An extension whose servers are built with {@code configure} applied (not {@code SHARED} ones: use {@link GememuTest#configure()}). */
  public static GememuExtension configuredBy(UnaryOperator<GememuBuilder> configure) {
    return new GememuExtension(configure);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (lifecycle(context) != GememuTest.Lifecycle.PER_METHOD) {
      openClassScope(context, server(context));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (lifecycle(context) == GememuTest.Lifecycle.PER_METHOD) {
      openClassScope(context, server(context));
    }
    Gememu classScope = store(context).get(CLASS_SCOPE, Gememu.class);
    store(context).put(TEST_SCOPE, new Closing(classScope.openScope(context.getDisplayName())));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Closing test = store(context).remove(TEST_SCOPE, Closing.class);
    if (test != null) {
      test.close();
    }
    if (context.getExecutionMode() == org.junit.jupiter.api.parallel.ExecutionMode.SAME_THREAD
        && lifecycle(context) != GememuTest.Lifecycle.PER_METHOD) {
      // Sequences of the class's fixtures start again for the next test (unless tests run at once).
      store(context).get(CLASS_SCOPE, Gememu.class).reset();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Gememu.class
        || type == String.class && parameter.isAnnotated(BaseUrl.class)
        || type.getName().equals(GENAI_CLIENT);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Gememu gememu = current(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == Gememu.class) {
      return gememu;
    }
    if (type == String.class) {
      return gememu.baseUrl();
    }
    AutoCloseable client = GenaiClients.of(gememu);
    store(context).put(new Object(), new Closing(client));
    return client;
  }

  /** The test's scope inside a test, else the class's. */
  private static Gememu current(ExtensionContext context) {
    Closing test = store(context).get(TEST_SCOPE, Closing.class);
    if (test != null) {
      return (Gememu) test.resource;
    }
    Gememu classScope = store(context).get(CLASS_SCOPE, Gememu.class);
    if (classScope == null) {
      throw new ParameterResolutionException("gememu is started per test method: take it as a parameter of the"
          + " test, not of a @BeforeAll method");
    }
    return classScope;
  }

  private void openClassScope(ExtensionContext context, Gememu server) {
    Class<?> testClass = context.getRequiredTestClass();
    Gememu scope = server.openScope(testClass.getSimpleName(), annotation(context).map(GememuTest::fixtures)
        .orElse(new String[0]));
    store(context).put(CLASS_SCOPE, scope);
    store(context).put(CLASS_SCOPE + "-closing", new Closing(scope));
  }

  /** The server this context uses, started on first use and closed with the context that owns it. */
  private Gememu server(ExtensionContext context) {
    boolean shared = lifecycle(context) == GememuTest.Lifecycle.SHARED;
    ExtensionContext owner = shared ? context.getRoot() : context;
    Class<? extends UnaryOperator<GememuBuilder>> configurer = annotation(context)
        .<Class<? extends UnaryOperator<GememuBuilder>>>map(GememuTest::configure).orElse(GememuTest.Unchanged.class);
    UnaryOperator<GememuBuilder> change = builder -> instantiate(configurer).apply(
        shared ? builder : configure.apply(builder));
    return (Gememu) owner.getStore(NAMESPACE)
        .getOrComputeIfAbsent(SERVER + (shared ? "-" + configurer.getName() : ""),
            key -> new Closing(change.apply(Gememu.builder()).start()), Closing.class)
        .resource;
  }

  private static UnaryOperator<GememuBuilder> instantiate(Class<? extends UnaryOperator<GememuBuilder>> type) {
    try {
      java.lang.reflect.Constructor<? extends UnaryOperator<GememuBuilder>> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(
          "@GememuTest(configure = " + type.getName() + ".class) needs a no-argument constructor", e);
    }
  }

  private static GememuTest.Lifecycle lifecycle(ExtensionContext context) {
    return annotation(context).map(GememuTest::lifecycle).orElse(GememuTest.Lifecycle.PER_CLASS);
  }

  private static Optional<GememuTest> annotation(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), GememuTest.class);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }

  /** Something JUnit closes with the context whose store holds it (old and new JUnit alike). */
  @SuppressWarnings("deprecation")
  private static final class Closing implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final AutoCloseable resource;
    private boolean closed;

    Closing(AutoCloseable resource) {
      this.resource = resource;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing " + resource + " failed", e);
      }
    }
  }
}
