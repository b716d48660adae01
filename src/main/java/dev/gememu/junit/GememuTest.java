package dev.gememu.junit;

import dev.gememu.GememuBuilder;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a gememu: test methods (and {@code @BeforeAll} methods) can take a
 * {@link dev.gememu.Gememu}, its base URL ({@link BaseUrl} {@code String}) or the official SDK's
 * {@code com.google.genai.Client}, already pointed at it. Each test gets its own scope: its own
 * fixtures and calls, so tests may run in parallel and nothing leaks into the next one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GememuExtension.class)
public @interface GememuTest {
  /** Fixture files or directories (class path resources, else paths) every test of the class is served. */
  String[] fixtures() default {};

  /** Which tests share one server. */
  Lifecycle lifecycle() default Lifecycle.PER_CLASS;

  /**
   * Changes to the server's {@link dev.gememu.GememuBuilder} (API keys, limits, a fake executor...):
   * a class with a no-argument constructor. {@code SHARED} servers are shared by the classes that
   * name the same one.
   */
  Class<? extends UnaryOperator<GememuBuilder>> configure() default Unchanged.class;

  /** The builder's defaults. */
  final class Unchanged implements UnaryOperator<GememuBuilder> {
    @Override
    public GememuBuilder apply(GememuBuilder builder) {
      return builder;
    }
  }

  /** How long a server lives, and so which tests share it (they never share fixtures or calls). */
  enum Lifecycle {
    /** One server per test class. */
    PER_CLASS,
    /** One server per test method: the slowest, each start costs a worker JVM. */
    PER_METHOD,
    /** One server for every class of the run that asks for it, closed when the run ends: the fastest. */
    SHARED
  }
}
