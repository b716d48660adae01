package dev.gememu.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** Writes response bodies the way Google does: pretty JSON with a trailing newline. */
final class Responses {
  static final String JSON = "application/json; charset=UTF-8";

  private Responses() {}

  static void json(Context ctx, ObjectWriter writer, Object body) throws JsonProcessingException {
    json(ctx, writer, 200, body);
  }

  static void json(Context ctx, ObjectWriter writer, int status, Object body) throws JsonProcessingException {
    ctx.status(status).contentType(JSON).result((writer.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
