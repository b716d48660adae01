package dev.gememu.recording;

import dev.gememu.api.ApiException;
import dev.gememu.api.Framing;
import dev.gememu.api.Status;
import dev.gememu.fixtures.WireRecording;
import dev.gememu.model.UpstreamRequest;
import dev.gememu.model.WireAnswer;
import dev.gememu.model.WireSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The upstream's answer, relayed to the client as it arrives (each stream event the moment it is
 * complete, with the sender's boundaries) and handed, once whole, to whoever records it.
 */
final class LiveAnswer implements WireAnswer {
  /** Response headers that shape the body; the others (dates, server timings) are the upstream's business. */
  private static final List<String> KEPT_HEADERS = List.of("content-type", "content-disposition");
  private static final int BUFFER = 8192;

  private final UpstreamClient client;
  private final UpstreamRequest request;
  private final Consumer<WireRecording> recorder;

  LiveAnswer(UpstreamClient client, UpstreamRequest request, Consumer<WireRecording> recorder) {
    this.client = client;
    this.request = request;
    this.recorder = recorder;
  }

  @Override
  public void send(Framing asked, WireSink sink) {
    UpstreamRequest forwarded = asked == Framing.SSE && !request.query().contains("alt=sse")
        ? new UpstreamRequest(request.method(), request.path(), join(request.query(), "alt=sse"), request.headers(),
            request.body(), request.call())
        : request;
    HttpResponse<InputStream> response = client.send(forwarded);
    Map<String, String> headers = headers(response);
    sink.start(response.statusCode(), headers);
    try (InputStream body = response.body()) {
      WireRecording recorded = asked.streams() ? relayEvents(asked, body, sink, response.statusCode(), headers)
          : relayBody(body, sink, response.statusCode(), headers);
      recorder.accept(recorded);
    } catch (IOException e) {
      throw new ApiException(Status.UNAVAILABLE, "gememu's upstream " + client.describe()
          + " broke off its answer: " + e.getMessage());
    }
  }

  private static WireRecording relayBody(InputStream body, WireSink sink, int status, Map<String, String> headers)
      throws IOException {
    String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    sink.write(text);
    return new WireRecording(status, headers, Framing.JSON, text, null);
  }

  private static WireRecording relayEvents(Framing framing, InputStream body, WireSink sink, int status,
      Map<String, String> headers) throws IOException {
    EventSplitter splitter = new EventSplitter(framing);
    List<String> events = new ArrayList<>();
    byte[] buffer = new byte[BUFFER];
    for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
      for (String event : splitter.feed(buffer, read)) {
        sink.write(event);
        events.add(event);
      }
    }
    String rest = splitter.finish();
    if (rest != null) {
      sink.write(rest);
      events.add(rest);
    }
    return new WireRecording(status, headers, framing, null, events);
  }

  private static Map<String, String> headers(HttpResponse<?> response) {
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> {
      if (KEPT_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !values.isEmpty()) {
        headers.put(canonicalName(name), values.get(0));
      }
    });
    return headers;
  }

  private static String canonicalName(String name) {
    return name.equalsIgnoreCase("content-type") ? "Content-Type" : "Content-Disposition";
  }

  private static String join(String query, String parameter) {
    return query.isEmpty() ? parameter : query + "&" + parameter;
  }
}
