package dev.gememu.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The no-code path: gememu answering from a fixture against WireMock standalone serving the very
 * bytes gememu answered with, both loaded by wrk on loopback in the same run. Also the cold start
 * and idle memory of the server as {@code make run} starts it.
 */
final class Playback {
  static final String PATH = "/v1beta/models/gemini-2.5-flash:generateContent";
  static final String PROMPT = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Describe the bench fixture.\"}]}]}";
  private static final String CODE_PROMPT = "{\"contents\":[{\"parts\":[{\"text\":\"Run this:\\n```python\\nprint(6*7)\\n```\"}]}],"
      + "\"tools\":[{\"codeExecution\":{}}]}";
  /** The request src/test/resources/recordings/sum-0-to-9.yaml was recorded for: a code-execution answer. */
  private static final String RECORDED_PROMPT = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":"
      + "\"What is the sum of 0..9?\"}]}],\"tools\":[{\"codeExecution\":{}}]}";
  private static final int[] CONNECTIONS = {1, 16, 64};
  private static final int SECONDS = 10;

  private final Path root;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  Playback(Path root) {
    this.root = root;
  }

  /** A fixture whose reply is about 1.2 kB of text, like a typical short model answer. */
  static Path fixtureDirectory() throws Exception {
    Path dir = Files.createTempDirectory("gememu-bench-fixtures");
    String sentence = "The bench fixture answers with plain text and runs no code, so this measures HTTP, JSON and matching. ";
    Files.writeString(dir.resolve("bench.yaml"), "match:\n  lastUserText:\n    contains: Describe the bench fixture.\n"
        + "reply:\n  - text: \"" + sentence.repeat(11).trim() + "\"\n");
    return dir;
  }

  void run() throws Exception {
    System.out.println();
    System.out.println("== Cold start, memory and playback (no code) vs WireMock");
    if (!Wrk.available() || !WireMock.available(root)) {
      System.out.println("skipped: needs wrk and " + WireMock.JAR + " (make bench installs and fetches both)");
      return;
    }
    String java = Bench.serverJava();
    warmUpClient();
    Bench.Server gememu = Bench.Server.launch(root, List.of("--fixtures", fixtureDirectory().toString(),
        "--fixtures", root.resolve("src/test/resources/recordings").toString()));
    try (gememu) {
      double firstPlayback = awaitAnswer(gememu, PROMPT, "bench fixture");
      double firstCode = awaitAnswer(gememu, CODE_PROMPT, "42");
      double settled = ProcessCpu.awaitIdle(gememu.handle(), Duration.ofSeconds(90)) + firstCode;
      System.out.printf("cold start, process start -> first answer without code: %.2f s (target <= 1 s); first code-execution answer: %.2f s (target <= 2 s)%n",
          firstPlayback, firstCode);
      System.out.printf("idle RSS (server + default workers, once they use < 5%% of a core, %.0f s after start): %s (target <= 500 MiB)%n",
          settled, gememu.rss());
      compare(gememu, java, "a scripted text fixture", PROMPT);
      compare(gememu, java, "verbatim playback of a recorded code-execution answer (recordings/sum-0-to-9.yaml)",
          RECORDED_PROMPT);
      System.out.printf("RSS after the playback load: %s%n", gememu.rss());
    }
  }

  /** gememu answering {@code prompt} against WireMock serving the very bytes gememu answered with, at each connection count. */
  private void compare(Bench.Server gememu, String java, String what, String prompt) throws Exception {
    String reply = http.send(request(gememu.url() + PATH, prompt), HttpResponse.BodyHandlers.ofString()).body();
    try (WireMock wireMock = WireMock.serving(root, java, PATH, reply)) {
      System.out.printf("%s: WireMock 3.13.2 standalone (defaults, same JVM %s) cold start to first answer: %.2f s;"
          + " serves gememu's %d-byte reply%n", what, java, wireMock.coldStartSeconds(), reply.length());
      System.out.printf("wrk, %d s per run, after a 3 s warm-up of each server at the same connection count:%n", SECONDS);
      System.out.println("conns | gememu req/s, p50, p99, CPU/req | WireMock req/s, p50, p99, CPU/req | throughput x (target >= 1.2) | p99 x (target <= 1)");
      for (int connections : CONNECTIONS) {
        Measured ours = measure(gememu.handle(), gememu.url() + PATH, prompt, connections);
        Measured theirs = measure(wireMock.handle(), wireMock.url(PATH), prompt, connections);
        System.out.printf("%5d | %s | %s | %.2f | %.2f%n", connections, ours, theirs,
            ours.wrk.requestsPerSecond() / theirs.wrk.requestsPerSecond(), ours.wrk.p99Ms() / theirs.wrk.p99Ms());
      }
    }
  }

  /** One wrk run with the server's CPU time over it. */
  record Measured(Wrk.Result wrk, double cpuMicrosPerRequest) {
    @Override
    public String toString() {
      return String.format("%7.0f, %6.2f ms, %6.2f ms, %4.0f µs%s", wrk.requestsPerSecond(), wrk.p50Ms(), wrk.p99Ms(),
          cpuMicrosPerRequest, wrk.errors() == 0 ? "" : " (" + wrk.errors() + " errors)");
    }
  }

  private static Measured measure(ProcessHandle server, String url, String prompt, int connections) throws Exception {
    Wrk.post(url, prompt, connections, 3);
    double before = ProcessCpu.micros(server);
    Wrk.Result result = Wrk.post(url, prompt, connections, SECONDS);
    double used = ProcessCpu.micros(server) - before;
    return new Measured(result, used / Math.max(1, result.requests()));
  }

  /**
   * One exchange with a throwaway loopback server before the clock starts: the bench client's first
   * request (the JDK HTTP client's classes, threads and JIT) would otherwise use CPU beside the
   * server's start, on the same 2 cores.
   */
  private void warmUpClient() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      http.send(request("http://127.0.0.1:" + server.getAddress().getPort() + PATH, PROMPT), HttpResponse.BodyHandlers.ofString());
    } finally {
      server.stop(0);
    }
  }

  private double awaitAnswer(Bench.Server server, String body, String expected) throws Exception {
    long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < giveUp) {
      try {
        HttpResponse<String> response = http.send(request(server.url() + PATH, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains(expected)) {
          return server.secondsSinceStart();
        }
      } catch (java.io.IOException notListeningYet) {
        Thread.sleep(5);
      }
    }
    throw new IllegalStateException("no answer within 120 s");
  }

  private static HttpRequest request(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url)).header("x-goog-api-key", "k").header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }
}
