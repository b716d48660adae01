package dev.gememu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.api.Status;
import dev.gememu.testing.FakeExecutor;
import dev.gememu.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API against a real server whose code runs in a fake executor (no Python start-up). */
class GememuApiTest {
  private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
  private static Gememu gememu;
  private static RawHttp http;

  @BeforeAll
  static void start() {
    gememu = Gememu.builder()
        .executor(new FakeExecutor())
        .fixtures("gememu-api/hello.yaml")
        .fixture(FixtureBuilder.named("always").lastUserText("ping").text("pong"))
        .start();
    http = new RawHttp(gememu.baseUrl());
  }

  @AfterAll
  static void stop() {
    gememu.close();
  }

  @BeforeEach
  void reset() {
    gememu.reset();
  }

  private static JsonNode ask(String text, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gememu.baseUrl() + GENERATE))
        .header("Content-Type", "application/json").header("x-goog-api-key", "k")
        .POST(HttpRequest.BodyPublishers.ofString("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\""
            + text + "\"}]}],\"tools\":[{\"codeExecution\":{}}]}"));
    headers.forEach(request::header);
    HttpResponse<String> response = http.send(request);
    return RawHttp.tree(response.body());
  }

  private static String text(JsonNode response) {
    StringBuilder text = new StringBuilder();
    response.path("candidates").path(0).path("content").path("parts").forEach(part -> {
      text.append(part.path("text").asText("")).append(part.path("codeExecutionResult").path("output").asText(""));
    });
    return text.toString();
  }

  @Test
  void servesJavaFixturesWhoseCodeRunsAndRecordsWhatRan() {
    gememu.fixture(FixtureBuilder.named("sum").lastUserTextContains("sum").codeExecution(true)
        .text("Computing.").code("print(1 + 2)").text("It printed {{output.trim}}."));

    JsonNode response = ask("what is the sum?", Map.of());

    assertThat(text(response)).contains("Computing.", "ran print(1 + 2)", "It printed ran print(1 + 2).");
    RecordedCall call = gememu.requests().lastUserTextContaining("sum").single();
    assertThat(call.model()).isEqualTo("gemini-2.5-flash");
    assertThat(call.method()).isEqualTo("generateContent");
    assertThat(call.reply()).contains("sum");
    assertThat(call.code()).containsExactly(new RecordedCall.CodeRun("print(1 + 2)", "OUTCOME_OK", "ran print(1 + 2)\n"));
    assertThat(gememu.requests().model("gemini-2.5-pro").count()).isZero();
    assertThat(gememu.requests().header("content-type", "application/json").count()).isEqualTo(1);
    assertThat(call.header("x-goog-api-key")).as("redacted").isNotEqualTo("k");
  }

  @Test
  void aSequenceAnswersInTurnAndAFaultUsesGooglesEnvelope() {
    gememu.fixture(FixtureBuilder.named("flaky").lastUserText("again").fault(Status.RESOURCE_EXHAUSTED)
        .then().text("second time lucky"));

    JsonNode first = ask("again", Map.of());
    JsonNode second = ask("again", Map.of());
    JsonNode third = ask("again", Map.of());

    assertThat(first.path("error").path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(first.path("error").path("code").asInt()).isEqualTo(429);
    assertThat(text(second)).isEqualTo("second time lucky");
    assertThat(text(third)).isEqualTo("second time lucky");
    assertThat(gememu.requests().list()).extracting(RecordedCall::status).containsExactly(429, 200, 200);
  }

  @Test
  void resetForgetsAddedFixturesAndCallsButKeepsTheStartingOnes() {
    gememu.fixture("match: {lastUserText: temporary}\nreply:\n  - text: here for now\n");
    assertThat(text(ask("temporary", Map.of()))).isEqualTo("here for now");

    gememu.reset();

    assertThat(gememu.requests().count()).isZero();
    assertThat(ask("temporary", Map.of()).path("error").path("code").asInt()).isEqualTo(404);
    assertThat(text(ask("ping", Map.of()))).isEqualTo("pong");
    assertThat(text(ask("hello there", Map.of()))).isEqualTo("Hello from a class path fixture.");
  }

  @Test
  void scopesWithConflictingFixturesEachAnswerTheirOwnRequests() {
    try (Gememu a = gememu.openScope("a"); Gememu b = gememu.openScope("b")) {
      a.fixture(FixtureBuilder.named("answer").lastUserText("who?").text("scope a"));
      b.fixture(FixtureBuilder.named("answer").lastUserText("who?").text("scope b"));

      assertThat(text(ask("who?", a.headers()))).isEqualTo("scope a");
      assertThat(text(ask("who?", b.headers()))).isEqualTo("scope b");
      assertThat(text(ask("ping", a.headers()))).as("the server's fixtures still answer").isEqualTo("pong");
      assertThat(ask("who?", Map.of()).path("error").path("code").asInt()).isEqualTo(404);

      assertThat(a.requests().count()).isEqualTo(2);
      assertThat(b.requests().single().lastUserText()).isEqualTo("who?");
      assertThat(gememu.requests().count()).isEqualTo(4);
    }
  }

  @Test
  void awaitReturnsAsSoonAsTheCallsArrive() throws Exception {
    CompletableFuture<List<RecordedCall>> waiting = CompletableFuture.supplyAsync(
        () -> gememu.requests().lastUserText("ping").await(2, Duration.ofSeconds(30)));

    ask("ping", Map.of());
    ask("ping", Map.of());

    assertThat(waiting.get()).hasSize(2);
    assertThatThrownBy(() -> gememu.requests().lastUserText("never sent").await(1, Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("0 arrived");
  }

  @Test
  void anIncompleteJavaFixtureSaysWhatIsMissing() {
    assertThatThrownBy(() -> FixtureBuilder.named("empty").lastUserText("x").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reply must list at least one step");
  }

  @Test
  void aBrokenFixtureFailsTheStartWithItsFileAndLine(@TempDir Path dir) throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "match:\n  lastUserTxt: x\nreply:\n  - text: y\n");

    assertThatThrownBy(() -> Gememu.builder().executor(new FakeExecutor()).fixtures(broken.toString()).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(broken + ":2").hasMessageContaining("lastUserTxt");
  }
}
