package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import dev.gememu.testing.Sdk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Far more concurrent code requests than one worker and its small queue hold: every request gets its
 * answer or Google's 503 envelope (a turned-away one after a pause, not at once), none waits in the
 * queue past its deadline, and the server serves the next request after the burst.
 */
class OverloadIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final int QUEUE = 4;
  private static final int BURST = 30;
  /**
   * A request waits for the worker at most its deadline, then runs at most its deadline (plus a second
   * to stop); the rest is slack for a loaded machine. Five loops, one running and four queued, would
   * take five deadlines to answer if queued requests waited for their turn however long it took.
   */
  private static final Duration ANSWERED_WITHIN = DEADLINE.multipliedBy(2).plusSeconds(12);
  private static final String LOOP = "while True:\n    pass";
  private static final String PATH = "/v1beta/models/gemini-2.5-flash:generateContent";
  private static final String ESCAPED_PATH = "/v1beta/models/gemini-2.5-flash%3AgenerateContent";

  @RegisterExtension
  static final RunningGememu server = RunningGememu.configuredBy(c -> c
      .withLimits(c.limits().withTimeout(DEADLINE))
      .withExecutor(c.executor().withWorkers(1).withQueue(QUEUE)));

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void answersEveryRequestOfABurstOrSaysOverloadedWithinItsDeadlineAndServesTheNextOne() throws Exception {
    assertSucceeds(send("print('up')").get(), "up\n");
    List<CompletableFuture<Answer>> sent = new ArrayList<>();
    // The only worker and every queue place taken by loops that run to the deadline.
    for (int i = 0; i <= QUEUE; i++) {
      sent.add(send(LOOP));
    }
    // Saturated once a request is turned away.
    boolean turnedAway = false;
    for (int probe = 0; probe < 500 && !turnedAway; probe++) {
      CompletableFuture<Answer> answer = send("print('probe')");
      sent.add(answer);
      turnedAway = answer.get(ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS).status() == 503;
    }
    assertThat(turnedAway).as("a request beyond the worker and its queue is turned away").isTrue();
    for (int i = 0; i < BURST; i++) {
      // Every other one by a path Javalin routes rather than ModelCallHandler (an escaped ':').
      sent.add(send("print('burst')", i % 2 == 0 ? PATH : ESCAPED_PATH));
    }

    List<Answer> answers = new ArrayList<>();
    for (CompletableFuture<Answer> answer : sent) {
      answers.add(answer.get(ANSWERED_WITHIN.toSeconds() + 30, TimeUnit.SECONDS));
    }

    for (Answer answer : answers) {
      assertThat(answer.elapsed()).as("answered within its wait and its run: %s", answer).isLessThan(ANSWERED_WITHIN);
      if (answer.status() == 503) {
        assertThat(answer.elapsed()).as("a request turned away waits for its 503 without spinning: %s", answer)
            .isGreaterThanOrEqualTo(ModelCallHandler.OVERLOAD_PAUSE);
        assertThat(RawHttp.tree(answer.body())).as("Google's overload envelope").isEqualTo(JSON.readTree(
            "{\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try again later.\",\"status\":\"UNAVAILABLE\"}}"));
      } else {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(outcome(answer)).isIn("OUTCOME_OK", "OUTCOME_DEADLINE_EXCEEDED");
      }
    }
    assertThat(answers).as("503s by the path Javalin routes").filteredOn(a -> a.status() == 503 && a.path().equals(ESCAPED_PATH))
        .isNotEmpty();
    assertThat(answers).as("the loops' answers").filteredOn(a -> "OUTCOME_DEADLINE_EXCEEDED".equals(outcome(a))).isNotEmpty();
    assertSucceeds(send("print('after')").get(), "after\n");
  }

  private static void assertSucceeds(Answer answer, String output) {
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    assertThat(outcome(answer)).isEqualTo("OUTCOME_OK");
    assertThat(RawHttp.tree(answer.body()).findValue("codeExecutionResult").path("output").asText()).isEqualTo(output);
  }

  private static String outcome(Answer answer) {
    JsonNode result = answer.status() == 200 ? RawHttp.tree(answer.body()).findValue("codeExecutionResult") : null;
    return result == null ? null : result.path("outcome").asText();
  }

  /** One request's path, status, body and time from sending to the whole answer. */
  record Answer(String path, int status, String body, Duration elapsed) {}

  private CompletableFuture<Answer> send(String code) throws Exception {
    return send(code, PATH);
  }

  private CompletableFuture<Answer> send(String code, String path) throws Exception {
    String body = JSON.writeValueAsString(Map.of(
        "contents", List.of(Map.of("role", "user", "parts", List.of(Map.of("text", Sdk.runPrompt(code))))),
        "tools", List.of(Map.of("codeExecution", Map.of()))));
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "application/json").header("x-goog-api-key", "test-key")
        .timeout(ANSWERED_WITHIN.plusSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long start = System.nanoTime();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> new Answer(path, response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start)));
  }
}
