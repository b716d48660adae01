package dev.gememu.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code streamGenerateContent} events as they are produced, flushing each: SSE
 * ({@code data: <one-line JSON>\r\n\r\n}) for {@code alt=sse}, otherwise one JSON array whose
 * pretty-printed elements are written one by one.
 */
final class StreamWriter {
  private final Context ctx;
  private final boolean sse;
  private final ObjectWriter writer;
  private OutputStream out;

  StreamWriter(Context ctx, boolean sse, ObjectMapper mapper) {
    this.ctx = ctx;
    this.sse = sse;
    this.writer = EnumEncoding.writerFor(ctx, sse ? JsonMapper.eventWriter(mapper) : JsonMapper.prettyWriter(mapper));
  }

  /** Whether the status and an event have gone out; until then an error can still be a plain HTTP error. */
  boolean started() {
    return out != null;
  }

  void event(Object event) {
    try {
      String json = writer.writeValueAsString(event);
      boolean first = startIfNotYet();
      String framed = sse ? "data: " + json + "\r\n\r\n" : (first ? "[" : ",\r\n") + json;
      write(framed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String chunk) throws IOException {
    ExchangeCapture.of(ctx).event(chunk);
    out.write(chunk.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Sends the status and headers unless they are out; returns whether it did, i.e. nothing was written before. */
  private boolean startIfNotYet() throws IOException {
    if (started()) {
      return false;
    }
    ctx.status(200).contentType(sse ? "text/event-stream" : Responses.JSON);
    if (sse) {
      ctx.header("Content-Disposition", "attachment");
    }
    out = ctx.res().getOutputStream();
    return true;
  }

  void finish() throws IOException {
    boolean first = startIfNotYet();
    if (!sse) {
      write(first ? "[]" : "]");
    }
    out.flush();
  }
}
