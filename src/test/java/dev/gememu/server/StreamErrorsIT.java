package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ApiException;
import com.google.genai.types.GenerateContentResponse;
import dev.gememu.executor.ExecutorOptions;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import dev.gememu.testing.Sdk;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Errors of {@code streamGenerateContent}: before the first event they are plain HTTP errors (an
 * array of one envelope without {@code alt=sse}); after it, an in-band event holding the envelope.
 * One worker and no queue, so a busy worker makes the next execution 503 once its preface is out.
 */
class StreamErrorsIT {
  private static final String STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent";
  private static final String BUSY_BODY = """
      {"contents": [{"parts": [{"text": "Run this:\\n```python\\nimport time\\ntime.sleep(5)\\n```"}]}],
       "tools": [{"codeExecution": {}}]}""";
  private static final String QUICK_BODY = """
      {"contents": [{"parts": [{"text": "Run this:\\n```python\\nprint(1)\\n```"}]}], "tools": [{"codeExecution": {}}]}""";

  @RegisterExtension
  static final RunningGememu server = RunningGememu.configuredBy(config ->
      config.withExecutor(ExecutorOptions.defaults().withWorkers(1).withQueue(0).withWorkerHeapMb(256)));

  @Test
  void anErrorAfterTheFirstSseEventIsAnInBandErrorEvent() throws Exception {
    String body = whileTheWorkerIsBusy(() -> server.http().post(STREAM + "?alt=sse", QUICK_BODY).body());

    String[] events = body.split("\r\n\r\n");
    assertThat(events[0]).startsWith("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"I will run");
    assertThat(events[events.length - 1]).isEqualTo("data: {\"error\": {\"code\": 503,"
        + "\"message\": \"The model is overloaded. Please try again later.\",\"status\": \"UNAVAILABLE\"}}");
    assertThat(body).endsWith("\r\n\r\n");
  }

  @Test
  void anErrorAfterTheFirstArrayElementIsItsLastElement() throws Exception {
    String body = whileTheWorkerIsBusy(() -> server.http().post(STREAM, QUICK_BODY).body());

    JsonNode events = RawHttp.tree(body);
    assertThat(events.get(0).at("/candidates/0/content/parts/0/text").asText()).startsWith("I will run");
    assertThat(events.get(events.size() - 1).at("/error/status").asText()).isEqualTo("UNAVAILABLE");
  }

  @Test
  void theJavaSdkRaisesTheInBandError() throws Exception {
    Throwable raised = whileTheWorkerIsBusy(() -> {
      try (ResponseStream<GenerateContentResponse> stream = server.sdk().models.generateContentStream(
          "gemini-2.5-flash", Sdk.runPrompt("print(1)"), Sdk.withCodeExecution())) {
        stream.forEach(chunk -> {});
        return null;
      } catch (RuntimeException error) {
        return error;
      }
    });

    assertThat(raised).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(503);
      assertThat(e.status()).isEqualTo("UNAVAILABLE");
    });
  }

  @Test
  void errorsBeforeTheFirstArrayElementAreAnArrayOfOneEnvelope() {
    HttpResponse<String> missingKey = server.http().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + STREAM))
        .POST(HttpRequest.BodyPublishers.ofString(QUICK_BODY)));
    HttpResponse<String> unknownModel = server.http().post(STREAM.replace("gemini-2.5-flash", "gemini-9"), QUICK_BODY);
    HttpResponse<String> sseMissingKey = server.http().send(HttpRequest.newBuilder(
        URI.create(server.baseUrl() + STREAM + "?alt=sse")).POST(HttpRequest.BodyPublishers.ofString(QUICK_BODY)));

    assertThat(missingKey.statusCode()).isEqualTo(403);
    assertThat(RawHttp.tree(missingKey.body()).at("/0/error/status").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(missingKey.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    assertThat(unknownModel.statusCode()).isEqualTo(404);
    assertThat(RawHttp.tree(unknownModel.body()).at("/0/error/status").asText()).isEqualTo("NOT_FOUND");
    assertThat(sseMissingKey.statusCode()).isEqualTo(403);
    assertThat(RawHttp.tree(sseMissingKey.body()).at("/error/status").asText()).isEqualTo("PERMISSION_DENIED");
  }

  @BeforeAll
  static void workerIsUp() {
    assertThat(server.http().post("/v1beta/models/gemini-2.5-flash:generateContent", QUICK_BODY).statusCode())
        .isEqualTo(200);
  }

  /**
   * Runs the call while the only worker sleeps through another request's 5 s snippet: the worker is
   * up and idle, so that request has it a moment after it is sent.
   */
  private static <T> T whileTheWorkerIsBusy(Callable<T> call) throws Exception {
    CompletableFuture<HttpResponse<String>> busy = CompletableFuture.supplyAsync(
        () -> server.http().post("/v1beta/models/gemini-2.5-flash:generateContent", BUSY_BODY));
    Thread.sleep(1_000);
    try {
      return call.call();
    } finally {
      assertThat(busy.join().statusCode()).isEqualTo(200);
    }
  }
}
