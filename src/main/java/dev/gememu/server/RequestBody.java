package dev.gememu.server;

import java.util.Locale;
import java.util.TreeMap;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import dev.gememu.api.ApiException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Reads a request body at most once, within Google's size limit, turning every way a body can be
 * broken on the wire (bad chunk framing, a client that stops or hangs up half way) into a 400.
 * Javalin's own reader lets those surface as a bare {@code 500 text/plain}.
 */
final class RequestBody {
  /** Google's limit for an inline request. */
  static final long MAX_BYTES = 20L * 1024 * 1024;
  private static final String ATTRIBUTE = "gememu.body";

  private RequestBody() {}

  static byte[] bytes(Context ctx) {
    byte[] cached = ctx.attribute(ATTRIBUTE);
    if (cached != null) {
      return cached;
    }
    byte[] body = read(ctx);
    ctx.attribute(ATTRIBUTE, body);
    return body;
  }

  /** The body as text, as sent (read once, see {@link #bytes}). */
  static String text(Context ctx) {
    return new String(bytes(ctx), StandardCharsets.UTF_8);
  }

  /** The request's headers with their names lower-cased. */
  static Map<String, String> lowerCasedHeaders(Context ctx) {
    Map<String, String> headers = new TreeMap<>();
    ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    return headers;
  }

  /** Google's wording for a body over the limit, whether it was declared or only found while reading. */
  static ApiException tooLarge() {
    return ApiException.invalidArgument("Request payload size exceeds the limit: " + MAX_BYTES + " bytes.");
  }

  private static byte[] read(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BYTES) {
      throw tooLarge();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = ctx.req().getInputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (body.size() + (long) n > MAX_BYTES) {
          throw tooLarge();
        }
        body.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException broken) {
      if (broken instanceof ApiException api) {
        throw api;
      }
      throw ApiException.invalidArgument("Request contains an invalid argument. (The request body could not be read: "
          + describe(broken, ctx.req().getHeader("Transfer-Encoding") != null) + ")");
    }
    return body.toByteArray();
  }

  /**
   * Jetty reports broken chunk framing to the reader as an early end of input, the same as a client
   * that hangs up half way, so the framing decides the wording.
   */
  private static String describe(Throwable broken, boolean chunked) {
    Throwable reason = broken;
    while (reason.getCause() != null && reason.getCause() != reason) {
      reason = reason.getCause();
    }
    if (reason instanceof TimeoutException) {
      return "the client stopped sending it";
    }
    if (reason instanceof BadMessageException bad && bad.getReason() != null) {
      return bad.getReason();
    }
    return chunked ? "its chunked framing is malformed or ends early" : "it ended before its declared Content-Length";
  }
}
