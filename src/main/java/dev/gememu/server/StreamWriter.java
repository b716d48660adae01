package dev.gememu.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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
  private final OutputStream out;
  private final boolean sse;
  private final ObjectWriter writer;
  private boolean first = true;

  StreamWriter(OutputStream out, boolean sse, ObjectMapper mapper) {
    this.out = out;
    this.sse = sse;
    this.writer = sse ? JsonMapper.eventWriter(mapper) : JsonMapper.prettyWriter(mapper);
  }

  static String contentType(boolean sse) {
    return sse ? "text/event-stream" : Responses.JSON;
  }

  void event(Object event) {
    try {
      String json = writer.writeValueAsString(event);
      String framed = sse ? "data: " + json + "\r\n\r\n" : (first ? "[" : ",\r\n") + json;
      first = false;
      out.write(framed.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void finish() throws IOException {
    if (!sse) {
      out.write((first ? "[]" : "]").getBytes(StandardCharsets.UTF_8));
    }
    out.flush();
  }
}
