package dev.gememu.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gememu.api.ApiException;
import dev.gememu.api.ModelCall;
import io.javalin.http.Context;
import java.util.List;
import java.nio.charset.StandardCharsets;

/** Writes response bodies the way Google does: pretty JSON with a trailing newline. */
final class Responses {
  static final String JSON = "application/json; charset=UTF-8";

  private Responses() {}

  static void json(Context ctx, ObjectWriter writer, Object body) throws JsonProcessingException {
    json(ctx, writer, 200, body);
  }

  /**
   * Google's error envelope; the JSON-array form of {@code streamGenerateContent} (no {@code alt=sse})
   * wraps it in an array, whatever raised it (key check, body size, validation).
   */
  static void error(Context ctx, ObjectWriter writer, ApiException error) throws JsonProcessingException {
    ExchangeCapture.of(ctx).error(error.getMessage());
    boolean arrayStream = ctx.path().endsWith(":" + ModelCall.Method.STREAM_GENERATE_CONTENT.verb()) && !isSse(ctx);
    json(ctx, writer, error.status().httpCode(), arrayStream ? List.of(error.toEnvelope()) : error.toEnvelope());
  }

  static boolean isSse(Context ctx) {
    return "sse".equals(ctx.queryParam("alt"));
  }

  static void json(Context ctx, ObjectWriter writer, int status, Object body) throws JsonProcessingException {
    String text = EnumEncoding.writerFor(ctx, writer).writeValueAsString(body) + "\n";
    ExchangeCapture.of(ctx).body(text);
    ctx.status(status).contentType(JSON).result(text.getBytes(StandardCharsets.UTF_8));
  }
}
