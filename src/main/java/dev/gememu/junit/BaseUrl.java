package dev.gememu.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter that receives the base URL of the test's gememu, e.g.
 * {@code http://127.0.0.1:51234}. Requests to it reach only the server's fixtures, not the test's:
 * send {@link dev.gememu.Gememu#headers()} too for those.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BaseUrl {}
