package dev.gememu.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A reverse proxy on loopback that serves a gememu under a path prefix ({@code /gemini/...}), the way
 * an API gateway does, telling it the prefix in {@code X-Forwarded-Prefix}. It records the paths it
 * was asked for, so a test can see where an SDK really sent each request.
 */
public final class PrefixProxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
      "upgrade", "keep-alive", "expect", "http2-settings");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String target;
  private final String prefix;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  public PrefixProxy(String target, String prefix) throws IOException {
    this.target = target;
    this.prefix = prefix;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  /** The base URL to give a client: {@code http://127.0.0.1:<port>/<prefix>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  /** Method and path (with query) of every request the proxy received, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void forward(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    requests.add(exchange.getRequestMethod() + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    try (exchange) {
      if (!uri.getRawPath().startsWith(prefix + "/")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String path = uri.getRawPath().substring(prefix.length()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path)).timeout(Duration.ofSeconds(60))
          .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase())) {
          values.forEach(value -> request.header(name, value));
        }
      });
      request.header("X-Forwarded-Host", exchange.getRequestHeaders().getFirst("Host"));
      request.header("X-Forwarded-Proto", "http");
      request.header("X-Forwarded-Prefix", prefix);
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response.headers().map().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
