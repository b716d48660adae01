package dev.gememu;

import dev.gememu.config.ServerConfig;
import dev.gememu.executor.ExecutorOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The workload {@code bin/gememu --train-server-cache} runs under {@code -XX:AOTCacheOutput} (JDK 25+):
 * a server on a free loopback port answering the requests every session starts with (model list, a
 * fixture reply, token count, a malformed body, an unknown route), so the server JVM of later runs
 * finds those classes already loaded and linked. Snippets run in-process here so that no worker
 * JVM is started; the server's own classes are what is being recorded.
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

  public static void main(String[] args) throws IOException, InterruptedException {
    ServerConfig base = ServerConfig.defaults().withPort(0);
    ServerConfig config = base.withExecutor(base.executor().withKind(ExecutorOptions.Kind.IN_PROCESS))
        .withLimits(base.limits().withWarmContexts(0));
    try (Gememu gememu = Gememu.start(config)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String url = gememu.baseUrl("127.0.0.1");
      send(client, url, "POST", "/__gememu/fixtures", FIXTURE);
      for (int round = 0; round < 20; round++) {
        send(client, url, "GET", "/v1beta/models", null);
        send(client, url, "POST", "/v1beta/models/gemini-2.5-flash:generateContent", PROMPT);
        send(client, url, "POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", PROMPT);
        send(client, url, "POST", "/v1beta/models/gemini-2.5-flash:countTokens", PROMPT);
        send(client, url, "POST", "/v1beta/models/gemini-2.5-flash:generateContent", "{\"contents\": [{");
        send(client, url, "GET", "/v1beta/nothing", null);
        send(client, url, "GET", "/__gememu/journal", null);
      }
    }
  }

  private static void send(HttpClient client, String url, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
        .header("x-goog-api-key", "cache-training")
        .header("Content-Type", path.equals("/__gememu/fixtures") ? "application/yaml" : "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    client.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }
}
