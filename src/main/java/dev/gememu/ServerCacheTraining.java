package dev.gememu;

import dev.gememu.cli.GememuCommand;
import dev.gememu.config.ServerConfig;
import dev.gememu.executor.ExecutorOptions;
import dev.gememu.recording.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The workload {@code bin/gememu --train-server-cache} runs under {@code -XX:AOTCacheOutput} (JDK 25+):
 * the command line parsed as {@link Main} parses it (picocli's classes too, which is why the build
 * recompiles picocli for Java 17: the cache cannot hold its Java 5 class files), a fixture directory
 * loaded, and a server on a free loopback port answering the requests every session starts with
 * (model list, a fixture reply, token count, a malformed body, an unknown route), so the server JVM
 * of later runs finds those classes already loaded and linked. Snippets run in-process here so that
 * no worker JVM is started; the server's own classes are what is being recorded.
 */
public final class ServerCacheTraining {
  private static final String FIXTURE = """
      match:
        lastUserText:
          contains: cache training
      reply:
        - text: Trained.
      """;
  private static final String PROMPT = "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"cache training\"}]}]}";

  private ServerCacheTraining() {}

  public static void main(String[] args) throws IOException {
    Path fixtures = Files.createTempDirectory("gememu-cache-training");
    fixtures.toFile().deleteOnExit();
    Path fixture = Files.writeString(fixtures.resolve("training.yaml"), FIXTURE);
    fixture.toFile().deleteOnExit();
    // The command serves until the JVM stops; the workload ends the JVM itself once it is done.
    GememuCommand.commandLine(ServerCacheTraining::serveWorkload, Verifier::run)
        .execute("--port", "0", "--warm-contexts", "0", "--fixtures", fixtures.toString());
    throw new IllegalStateException("the training workload did not run");
  }

  private static AutoCloseable serveWorkload(ServerConfig parsed) {
    ServerConfig config = parsed.withExecutor(parsed.executor().withKind(ExecutorOptions.Kind.IN_PROCESS));
    try (Gememu gememu = Gememu.start(config)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String url = gememu.baseUrl("127.0.0.1");
      for (int round = 0; round < 20; round++) {
        send(client, url, "GET", "/v1beta/models", null);
        send(client, url, "POST", "/v1beta/models/gemini-2.5-flash:generateContent", PROMPT);
        send(client, url, "POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", PROMPT);
        send(client, url, "POST", "/v1beta/models/gemini-2.5-flash:countTokens", PROMPT);
        send(client, url, "POST", "/v1beta/models/gemini-2.5-flash:generateContent", "{\"contents\": [{");
        send(client, url, "GET", "/v1beta/nothing", null);
        send(client, url, "GET", "/__gememu/journal", null);
      }
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
    System.exit(0);
    return null;
  }

  private static void send(HttpClient client, String url, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
        .header("x-goog-api-key", "cache-training").header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    client.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }
}
