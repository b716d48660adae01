package dev.gememu.server;

import dev.gememu.model.WireSink;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Sends a verbatim answer to the client: status and headers first, then each chunk flushed as it comes. */
final class ContextSink implements WireSink {
  private final Context ctx;
  private final boolean streams;
  private OutputStream out;

  /** @param streams whether each chunk is a stream event (captured as one) rather than part of one body */
  ContextSink(Context ctx, boolean streams) {
    this.ctx = ctx;
    this.streams = streams;
  }

  @Override
  public void start(int status, Map<String, String> headers) {
    ctx.status(status);
    headers.forEach(ctx::header);
    try {
      out = ctx.res().getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void write(String chunk) {
    if (out == null) {
      throw new IllegalStateException("a chunk was written before the status");
    }
    if (streams) {
      ExchangeCapture.of(ctx).event(chunk);
    } else {
      ExchangeCapture.of(ctx).appendBody(chunk);
    }
    try {
      out.write(chunk.getBytes(StandardCharsets.UTF_8));
      // A stream's events go out as they come; a whole body stays in Jetty's buffer, so that a body
      // that fits goes out in one write with its Content-Length, as a scripted answer does.
      if (streams) {
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void failed(String message) {
    ExchangeCapture.of(ctx).error(message);
  }

  /** Whether the status has gone out; until then an error can still be a plain HTTP error. */
  boolean started() {
    return out != null;
  }
}
