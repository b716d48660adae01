package dev.gememu.recording;

import dev.gememu.api.ApiException;
import dev.gememu.api.Framing;
import dev.gememu.api.Status;
import dev.gememu.fixtures.WireRecording;
import dev.gememu.model.UpstreamRequest;
import dev.gememu.model.WireAnswer;
import dev.gememu.model.WireSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The upstream's answer, relayed to the client as it arrives (each stream event the moment it is
 * complete, with the sender's boundaries) and handed, once whole, to whoever records it. An upstream
 * that sends nothing for the upstream timeout is cut off, and its partial answer is not recorded.
 */
final class LiveAnswer implements WireAnswer {
  /** Response headers that shape the body; the others (dates, server timings) are the upstream's business. */
  private static final List<String> KEPT_HEADERS = List.of("content-type", "content-disposition");

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
    HttpResponse<TimedBody> response = client.send(forwarded);
    Map<String, String> headers = headers(response);
    TimedBody body = response.body();
    try {
      Optional<WireRecording> recorded = asked.streams()
          ? relayEvents(asked, body, sink, response.statusCode(), headers)
          : Optional.of(relayBody(body, sink, response.statusCode(), headers));
      recorded.ifPresent(recorder);
    } catch (IOException e) {
      body.cancel();
      throw new ApiException(Status.UNAVAILABLE, "gememu's upstream " + client.describe()
          + " broke off its answer: " + e.getMessage());
    } catch (InterruptedException e) {
      body.cancel();
      Thread.currentThread().interrupt();
      throw new ApiException(Status.UNAVAILABLE, "gememu was interrupted while relaying its upstream " + client.describe());
    }
  }

  /** The whole body is read before anything is sent, so a stalled upstream is still a plain 504. */
  private WireRecording relayBody(TimedBody body, WireSink sink, int status, Map<String, String> headers)
      throws IOException, InterruptedException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try {
      for (byte[] piece = body.next(client.timeout()); piece != null; piece = body.next(client.timeout())) {
        whole.writeBytes(piece);
      }
    } catch (TimeoutException stalled) {
      throw client.stalled();
    }
    String text = whole.toString(StandardCharsets.UTF_8);
    sink.start(status, headers);
    sink.write(text);
    return new WireRecording(status, headers, Framing.JSON, text, null);
  }

  /**
   * Each event goes out the moment it is complete; the status and headers with the first one. An
   * upstream that stalls before any event is a plain 504; after one, the stream ends with Google's
   * error envelope as a last event, and nothing is recorded.
   */
  private Optional<WireRecording> relayEvents(Framing framing, TimedBody body, WireSink sink, int status,
      Map<String, String> headers) throws IOException, InterruptedException {
    EventSplitter splitter = new EventSplitter(framing);
    List<String> events = new ArrayList<>();
    try {
      for (byte[] piece = body.next(client.timeout()); piece != null; piece = body.next(client.timeout())) {
        for (String event : splitter.feed(piece, piece.length)) {
          if (events.isEmpty()) {
            sink.start(status, headers);
          }
          sink.write(event);
          events.add(event);
        }
      }
    } catch (TimeoutException stalled) {
      ApiException error = client.stalled();
      if (events.isEmpty()) {
        throw error;
      }
      sink.failed(error.getMessage());
      WireForms.inBandError(framing, error).forEach(sink::write);
      return Optional.empty();
    }
    String rest = splitter.finish();
    if (events.isEmpty()) {
      sink.start(status, headers);
    }
    if (rest != null) {
      sink.write(rest);
      events.add(rest);
    }
    return Optional.of(new WireRecording(status, headers, framing, null, events));
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
