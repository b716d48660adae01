package dev.gememu.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gememu.api.ApiException;
import dev.gememu.api.Status;
import dev.gememu.model.UpstreamRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Sends requests to the real API. The key is the client's own ({@code x-goog-api-key} or
 * {@code ?key=}) unless an upstream key is configured; it is only ever put on the outgoing request.
 */
final class UpstreamClient {
  /** Headers the JDK client sets itself, hop-by-hop headers, and ours. */
  private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
      "transfer-encoding", "accept-encoding", "keep-alive", "te", "trailer", "http2-settings");
  private static final Pattern KEY_PARAM = Pattern.compile("(^|&)key=[^&]*");
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = dev.gememu.server.JsonMapper.create();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final URI base;
  private final String key;
  private final Duration timeout;

  UpstreamClient(URI base, String key, Duration timeout) {
    this.base = base;
    this.key = key;
    this.timeout = timeout;
  }

  String describe() {
    return base.toString();
  }

  /** Sends the request; the answer's body arrives piece by piece, each within the timeout. */
  HttpResponse<TimedBody> send(UpstreamRequest request) {
    return exchange(build(request), info -> new TimedBody());
  }

  /** How long the upstream may keep the client waiting: for its status line, and then for each next piece of its answer. */
  Duration timeout() {
    return timeout;
  }

  /** The upstream went quiet in the middle of its answer. */
  ApiException stalled() {
    return new ApiException(Status.DEADLINE_EXCEEDED, "gememu's upstream " + describe() + " sent nothing for "
        + readable(timeout) + " in the middle of its answer (record mode); the answer was cut off.");
  }

  private static String readable(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  /** An answer read whole: its status, headers and body. */
  record Whole(int status, HttpHeaders headers, String body) {}

  /** Sends the request and reads the whole answer, each piece within the timeout. */
  Whole sendWhole(UpstreamRequest request) {
    return whole(exchange(build(request), info -> new TimedBody()));
  }

  private Whole whole(HttpResponse<TimedBody> response) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (byte[] piece = response.body().next(timeout); piece != null; piece = response.body().next(timeout)) {
        body.writeBytes(piece);
      }
    } catch (TimeoutException stalled) {
      throw stalled();
    } catch (IOException e) {
      throw new ApiException(Status.UNAVAILABLE, "gememu's upstream " + describe() + " broke off its answer: "
          + e.getMessage());
    } catch (InterruptedException e) {
      response.body().cancel();
      Thread.currentThread().interrupt();
      throw new ApiException(Status.UNAVAILABLE, "gememu was interrupted while reading its upstream " + describe());
    }
    return new Whole(response.statusCode(), response.headers(), body.toString(StandardCharsets.UTF_8));
  }

  private HttpRequest build(UpstreamRequest request) {
    String query = key == null ? request.query() : KEY_PARAM.matcher(request.query()).replaceAll("").replaceFirst("^&", "");
    String path = base.toString().replaceFirst("/+$", "") + request.path() + (query.isEmpty() ? "" : "?" + query);
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path)).timeout(timeout);
    request.headers().forEach((name, value) -> {
      if (!NOT_FORWARDED.contains(name) && !name.startsWith("x-gememu-") && !(key != null && name.equals("x-goog-api-key"))) {
        builder.header(name, value);
      }
    });
    if (key != null) {
      builder.header("x-goog-api-key", key);
    }
    builder.method(request.method(), request.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(request.body()));
    return builder.build();
  }

  /** Posts exactly these headers and bytes to a URL the upstream gave (its upload URL, which authorises them). */
  Whole post(URI target, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(builder::header);
    return whole(exchange(builder.build(), info -> new TimedBody()));
  }

  /** The upstream's error envelope as an {@link ApiException} of the same status and message. */
  ApiException error(int httpCode, String body) {
    JsonNode error = errorOf(body);
    String status = error.path("status").asText("");
    String message = error.path("message").asText("");
    for (Status known : Status.values()) {
      if (known.name().equals(status) || (status.isEmpty() && known.httpCode() == httpCode)) {
        return new ApiException(known, message.isEmpty() ? "gememu's upstream " + describe() + " answered HTTP "
            + httpCode + "." : message);
      }
    }
    return new ApiException(Status.UNAVAILABLE, "gememu's upstream " + describe() + " answered HTTP " + httpCode
        + (message.isEmpty() ? "." : ": " + message));
  }

  private static JsonNode errorOf(String body) {
    try {
      return JSON.readTree(body).path("error");
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (HttpTimeoutException e) {
      throw new ApiException(Status.DEADLINE_EXCEEDED, "gememu's upstream " + describe() + " did not answer within "
          + readable(timeout) + " (record mode).");
    } catch (IOException e) {
      throw new ApiException(Status.UNAVAILABLE, "gememu could not reach its upstream " + describe()
          + " (record mode): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(Status.UNAVAILABLE, "gememu was interrupted while calling its upstream " + describe());
    }
  }
}
