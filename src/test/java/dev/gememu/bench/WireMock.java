package dev.gememu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** WireMock standalone (the jar make bench copies to target/bench) serving one recorded response, as a baseline. */
final class WireMock implements AutoCloseable {
  static final Path JAR = Path.of("target/bench/wiremock-standalone.jar");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final double coldStartSeconds;

  private WireMock(Process process, int port, double coldStartSeconds) {
    this.process = process;
    this.port = port;
    this.coldStartSeconds = coldStartSeconds;
  }

  static boolean available(Path root) {
    return Files.isRegularFile(root.resolve(JAR));
  }

  /** Starts WireMock with its defaults, answering a POST to {@code path} with exactly {@code body}. */
  static WireMock serving(Path root, String java, String path, String body) throws Exception {
    Path dir = Files.createTempDirectory("gememu-bench-wiremock");
    Files.createDirectories(dir.resolve("mappings"));
    Files.createDirectories(dir.resolve("__files"));
    Files.writeString(dir.resolve("__files/reply.json"), body);
    Files.writeString(dir.resolve("mappings/reply.json"), JSON.writeValueAsString(Map.of(
        "request", Map.of("method", "POST", "urlPath", path),
        "response", Map.of("status", 200, "bodyFileName", "reply.json",
            "headers", Map.of("Content-Type", "application/json; charset=UTF-8")))));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("gememu-bench-wiremock", ".log");
    long started = System.nanoTime();
    Process process = new ProcessBuilder(List.of(java, "-jar", root.resolve(JAR).toString(), "--port", Integer.toString(port),
        "--bind-address", "127.0.0.1", "--root-dir", dir.toString(), "--disable-banner"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient client = HttpClient.newHttpClient();
    long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < giveUp) {
      try {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().equals(body)) {
          return new WireMock(process, port, (System.nanoTime() - started) / 1e9);
        }
      } catch (IOException notListeningYet) {
        Thread.sleep(10);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("WireMock exited: " + Files.readString(log));
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("WireMock did not answer within 60 s: " + Files.readString(log));
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  double coldStartSeconds() {
    return coldStartSeconds;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
