package dev.gememu.server;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.Context;

/**
 * Google's system parameter {@code $alt=json;enum-encoding=int} (also spelled {@code alt}), which the
 * generated REST clients send: the answer then carries enum values as their proto numbers
 * ({@code "finishReason": 1}, {@code "outcome": 2}), plain JSON otherwise.
 */
final class EnumEncoding {
  private static final String INT = "enum-encoding=int";

  private EnumEncoding() {}

  /** The writer for this request's answer: integer enums if it asked for them. */
  static ObjectWriter writerFor(Context ctx, ObjectWriter writer) {
    return asksForIntegers(ctx) ? JsonMapper.withIntegerEnums(writer) : writer;
  }

  static boolean asksForIntegers(Context ctx) {
    return mentions(ctx.queryParam("$alt")) || mentions(ctx.queryParam("alt"));
  }

  private static boolean mentions(String alt) {
    return alt != null && alt.replace(" ", "").contains(INT);
  }
}
