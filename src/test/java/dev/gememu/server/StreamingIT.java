package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import dev.gememu.testing.Sdk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamingIT {
  @RegisterExtension
  static final RunningGememu server = RunningGememu.withDefaults();

  @Test
  void sdkStreamDeliversSeveralChunksInGeminisOrder() {
    List<String> kinds = new ArrayList<>();
    List<GenerateContentResponse> chunks = new ArrayList<>();
    try (ResponseStream<GenerateContentResponse> stream = server.sdk().models.generateContentStream(
        "gemini-2.5-flash", Sdk.runPrompt("print(sum(range(100)))"), Sdk.withCodeExecution())) {
      for (GenerateContentResponse chunk : stream) {
        chunks.add(chunk);
        for (Part part : chunk.candidates().orElseThrow().get(0).content().orElseThrow().parts().orElseThrow()) {
          kinds.add(part.executableCode().isPresent() ? "code"
              : part.codeExecutionResult().isPresent() ? "result" : "text");
        }
      }
    }

    assertThat(chunks.size()).isGreaterThanOrEqualTo(4);
    assertThat(String.join(",", kinds)).matches("(text,)+code,result(,text)+");
    assertThat(chunks).extracting(GenerateContentResponse::responseId).containsOnly(chunks.get(0).responseId());
    assertThat(chunks.get(chunks.size() - 1).finishReason().toString()).isEqualTo("STOP");
    assertThat(chunks.stream().map(GenerateContentResponse::codeExecutionResult).filter(r -> r != null))
        .containsExactly("4950\n");
  }

  @Test
  void sseEventsHaveGooglesExactFraming() {
    HttpResponse<String> response = server.http().post("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", """
        {"contents": [{"parts": [{"text": "Run this:\\n```python\\nprint(1)\\n```"}]}], "tools": [{"codeExecution": {}}]}""");

    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    String body = response.body();
    assertThat(body).doesNotContain("[DONE]").endsWith("\r\n\r\n");
    Matcher id = Pattern.compile("\"responseId\": \"([A-Za-z0-9_-]{22})\"").matcher(body);
    assertThat(id.find()).isTrue();
    String firstEvent = body.substring(0, body.indexOf("\r\n\r\n") + 4);
    assertThat(firstEvent).isEqualTo("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": "
        + "\"I will run the Python code from your \"}],\"role\": \"model\"},\"index\": 0}],"
        + "\"usageMetadata\": {\"promptTokenCount\": 8,\"candidatesTokenCount\": 10,\"totalTokenCount\": 18,"
        + "\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 8}]},"
        + "\"modelVersion\": \"gemini-2.0-flash\",\"responseId\": \"" + id.group(1) + "\"}\r\n\r\n");
  }

  @Test
  void withoutAltSseTheStreamIsOneJsonArray() {
    HttpResponse<String> response = server.http().post("/v1beta/models/gemini-2.5-flash:streamGenerateContent", """
        {"contents": [{"parts": [{"text": "Run this:\\n```python\\nprint(7)\\n```"}]}], "tools": [{"codeExecution": {}}]}""");

    assertThat(response.body()).startsWith("[{\n");
    JsonNode events = RawHttp.tree(response.body());
    assertThat(events.isArray()).isTrue();
    assertThat(events.size()).isGreaterThanOrEqualTo(4);
    assertThat(events.get(events.size() - 1).at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
  }

  @Test
  void streamErrorsWithoutSseAreWrappedInAnArray() {
    HttpResponse<String> response = server.http().post("/v1beta/models/gemini-2.5-flash:streamGenerateContent", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(RawHttp.tree(response.body()).at("/0/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
  }

  @Test
  void prefaceTextArrivesBeforeSlowCodeFinishes() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"))
        .header("x-goog-api-key", "k")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"contents": [{"parts": [{"text": "Run this:\\n```python\\nimport time\\ntime.sleep(3)\\nprint('done')\\n```"}]}],
             "tools": [{"codeExecution": {}}]}"""))
        .build();
    HttpResponse<java.util.stream.Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    List<Long> arrivals = new ArrayList<>();
    List<String> events = new ArrayList<>();
    response.body().filter(line -> line.startsWith("data: ")).forEach(line -> {
      arrivals.add(System.nanoTime());
      events.add(line);
    });

    assertThat(events.get(0)).contains("I will run");
    long firstToLastMillis = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000;
    assertThat(firstToLastMillis).as("preface delivered while the 3 s snippet ran").isGreaterThan(2_000);
    int code = indexOfEventWith(events, "executableCode");
    int result = indexOfEventWith(events, "codeExecutionResult");
    assertThat((arrivals.get(result) - arrivals.get(code)) / 1_000_000)
        .as("the code event goes out before the code runs").isGreaterThan(2_000);
  }

  @Test
  void theLastEventCarriesTheSameUsageAsTheWholeResponse() {
    String body = """
        {"contents": [{"parts": [{"text": "Run this and explain at length:\\n```python\\nprint('a fairly long line ' * 9)\\n```"}]}],
         "tools": [{"codeExecution": {}}]}""";
    JsonNode whole = RawHttp.tree(server.http().post("/v1beta/models/gemini-2.5-flash:generateContent", body).body());
    JsonNode events = RawHttp.tree(server.http().post("/v1beta/models/gemini-2.5-flash:streamGenerateContent", body).body());

    assertThat(events.size()).as(events.toString()).isGreaterThan(5);
    assertThat(events.get(events.size() - 1).get("usageMetadata")).isEqualTo(whole.get("usageMetadata"));
  }

  private static int indexOfEventWith(List<String> events, String partKind) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).contains("\"" + partKind + "\"")) {
        return i;
      }
    }
    throw new AssertionError("no " + partKind + " event in " + events);
  }

  @Test
  void gemini3SignsCodeAndFinalTextParts() {
    GenerateContentResponse response = server.sdk().models.generateContent(
        "gemini-3-flash-preview", Sdk.runPrompt("print(1)"), Sdk.withCodeExecution());

    List<Part> parts = response.candidates().orElseThrow().get(0).content().orElseThrow().parts().orElseThrow();
    assertThat(parts.get(1).thoughtSignature()).isPresent();
    assertThat(parts.get(parts.size() - 1).thoughtSignature()).isPresent();
    assertThat(parts.get(0).thoughtSignature()).isEmpty();
  }
}
