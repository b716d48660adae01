package dev.gememu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.testing.RawHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/gememu} started as a user starts it, which builds Jackson's readers and writers on a
 * thread of its own while it reads the command line: the first answer a client gets comes from the
 * complete fixture store, and a broken fixture file is still reported with its path and line.
 */
class StartUpIT {
  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final String PROMPT = "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"first words\"}]}]}";

  @Test
  void theFirstAnswerComesFromEveryFixtureAndABrokenFileIsNamedWithItsLine(@TempDir Path dir) throws Exception {
    // Several files, the answering one read last: an answer from a partly read directory would be a 404.
    for (int i = 0; i < 5; i++) {
      Files.writeString(dir.resolve("a" + i + ".yaml"), "match:\n  lastUserText:\n    contains: other " + i
          + "\nreply:\n  - text: not this one\n");
    }
    Files.writeString(dir.resolve("b-broken.yaml"), "match:\n  lastUserText:\n    contains: x\nreply:\n  - txet: typo\n");
    Files.writeString(dir.resolve("c-first.yaml"), "match:\n  lastUserText:\n    contains: first words\n"
        + "reply:\n  - text: Answered from the fixtures.\n");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = dir.resolve("gememu.log");
    // One worker (the least there is); no request here runs code.
    Process gememu = new ProcessBuilder(Path.of("bin/gememu").toAbsolutePath().toString(), "--port",
        Integer.toString(port), "--fixtures", dir.toString(), "--executor", "graalpy", "--workers", "1")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpResponse<String> first = firstResponse("http://127.0.0.1:" + port, gememu, log);

      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(RawHttp.tree(first.body()).at("/candidates/0/content/parts/0/text").asText())
          .isEqualTo("Answered from the fixtures.");
      assertThat(Files.readString(log)).contains("Fixture not loaded: " + dir.resolve("b-broken.yaml") + ":5");
    } finally {
      gememu.destroy();
      if (!gememu.waitFor(30, TimeUnit.SECONDS)) {
        gememu.destroyForcibly();
      }
    }
  }

  /** The first HTTP response the server gives, whatever its status; refused connections are retried. */
  private static HttpResponse<String> firstResponse(String baseUrl, Process gememu, Path log) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1beta/models/gemini-2.5-flash:generateContent"))
        .timeout(DEADLINE).header("Content-Type", "application/json").header("x-goog-api-key", "k")
        .POST(HttpRequest.BodyPublishers.ofString(PROMPT)).build();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(gememu.isAlive()).as("gememu exited early:\n%s", Files.readString(log)).isTrue();
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException notListeningYet) {
        Thread.sleep(10);
      }
    }
    throw new AssertionError("gememu did not answer within " + DEADLINE + ":\n" + Files.readString(log));
  }
}
