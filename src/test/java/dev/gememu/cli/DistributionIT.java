package dev.gememu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution ({@code bin/make-dist}, what {@code make dist} runs) unpacked in an unrelated
 * directory, started with {@code bin/gememu serve} in a subprocess with nothing of the build in its
 * environment, answers a code execution request with code its worker really ran.
 */
class DistributionIT {
  private static final Duration START_DEADLINE = Duration.ofMinutes(5);

  @Test
  void servesCodeExecutionFromTheUnpackedArchive(@TempDir Path temp) throws Exception {
    Path built = Files.createDirectories(temp.resolve("built"));
    run(List.of("bin/make-dist", built.toString()), Path.of("").toAbsolutePath(), Map.of());
    Path unpacked = Files.createDirectories(temp.resolve("elsewhere"));
    run(List.of("tar", "-xzf", built.resolve("gememu-dist.tar.gz").toString()), unpacked, Map.of());
    int port = freePort();
    Path log = temp.resolve("gememu.log");
    ProcessBuilder serve = new ProcessBuilder(unpacked.resolve("gememu/bin/gememu").toString(), "serve",
        "--port", Integer.toString(port), "--workers", "1")
        .directory(unpacked.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    serve.environment().keySet().removeIf(name -> name.startsWith("GEMEMU_") || name.startsWith("MAVEN")
        || name.equals("CLASSPATH"));
    Process gememu = serve.start();
    try {
      String baseUrl = "http://127.0.0.1:" + port;
      awaitHealthy(baseUrl, gememu, log);

      // The first request waits for the worker's cold start: minutes on a loaded 2-core machine.
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(baseUrl + "/v1beta/models/gemini-2.5-flash:generateContent"))
          .timeout(START_DEADLINE).header("Content-Type", "application/json").header("x-goog-api-key", "k")
          .POST(HttpRequest.BodyPublishers.ofString("""
              {"contents": [{"role": "user", "parts": [{"text": "Run this:\\n```python\\nprint(sum(range(101)))\\n```"}]}],
               "tools": [{"codeExecution": {}}]}""")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode result = RawHttp.tree(response.body()).at("/candidates/0/content/parts/2/codeExecutionResult");
      assertThat(result.path("outcome").asText()).isEqualTo("OUTCOME_OK");
      assertThat(result.path("output").asText()).isEqualTo("5050\n");
      assertThat(Files.readString(log)).doesNotContain("inherit java.class.path");
    } finally {
      gememu.destroy();
      if (!gememu.waitFor(30, TimeUnit.SECONDS)) {
        gememu.descendants().forEach(ProcessHandle::destroyForcibly);
        gememu.destroyForcibly();
      }
    }
  }

  private static void awaitHealthy(String baseUrl, Process gememu, Path log) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(gememu.isAlive()).as("gememu exited early:\n%s", Files.readString(log)).isTrue();
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/__gememu/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // The JVM is still starting: wait for the process to exit or the port to open.
        gememu.waitFor(200, TimeUnit.MILLISECONDS);
      }
    }
    throw new AssertionError("gememu did not answer within " + START_DEADLINE + ":\n" + Files.readString(log));
  }

  private static void run(List<String> command, Path directory, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(String.join(" ", command) + ":\n" + output).isZero();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
