package dev.gememu.server;

import static dev.gememu.testing.RawHttp.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.config.ServerConfig;
import dev.gememu.testing.ClientProgram;
import dev.gememu.testing.NodeScript;
import dev.gememu.testing.PrefixProxy;
import dev.gememu.testing.SharedGememu;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JS SDKs, unmodified, against a real gememu: Google's {@code @google/genai} (given the bare
 * server URL) and Vercel's AI SDK with {@code @ai-sdk/google} (given the URL with {@code /v1beta}).
 * Each test runs one scenario of {@code src/test/js/genai.mjs} or {@code vercel.mjs} in Node, with the
 * pinned majors here and the newest ones in {@link JsSdkNewestIT}.
 */
class JsSdkIT {
  private static final String OUTPUT = "45\nhi from gememu\n";

  @RegisterExtension
  static final SharedGememu GEMEMU = new SharedGememu();

  @BeforeAll
  static void requireTheSdks() {
    NodeScript.requireNodeAndSdks("@google/genai", "@ai-sdk/google", "ai", "genai3", "ai7", "ai-sdk-google4");
  }

  /** Added to the scripts' environment: which majors they import. */
  Map<String, String> environment() {
    return Map.of();
  }

  private ClientProgram genaiScript() {
    return NodeScript.program("genai.mjs", environment());
  }

  private ClientProgram vercelScript() {
    return NodeScript.program("vercel.mjs", environment());
  }

  private JsonNode genai(String scenario) {
    return genaiScript().result(GEMEMU.baseUrl(), scenario);
  }

  private JsonNode vercel(String scenario) {
    return vercelScript().result(GEMEMU.baseUrl() + "/v1beta", scenario);
  }

  @Test
  void genaiUploadsACsvThatTheCodeReadsThenListsGetsAndDeletesIt() {
    UploadScenario.assertUploadedAndAnalysed(genai("uploadCsv"), GEMEMU.baseUrl());
  }

  @Test
  void genaiUploadsThroughABaseUrlWithAPathPrefix() throws Exception {
    try (PrefixProxy proxy = new PrefixProxy(GEMEMU.baseUrl(), "/gemini")) {
      UploadScenario.assertUploadedAndAnalysed(genaiScript().result(proxy.baseUrl(), "uploadCsv"), proxy.baseUrl());

      assertThat(proxy.requests()).anyMatch(r -> r.matches("POST /gemini/upload/v1(beta)?/files"));
      assertThat(proxy.requests()).anyMatch(r -> r.matches("POST /gemini/upload/v1(beta)?/files\\?upload_id=.*"));
    }
  }

  @Test
  void genaiUploadsThroughTheDoubledPathItUsesWithPerCallHttpOptions() throws Exception {
    try (PrefixProxy proxy = new PrefixProxy(GEMEMU.baseUrl(), "/p")) {
      UploadScenario.assertUploadedAndAnalysed(genaiScript().result(proxy.baseUrl(), "uploadCsvWithHttpOptions"), proxy.baseUrl());

      // @google/genai 2.x doubles the version (/p/v1beta/upload/v1beta/files); 3.x and the Python SDK upload under v1.
      assertThat(proxy.requests()).anyMatch(r -> r.matches("POST /p(/v1beta)?/upload/v1(beta)?/files"));
    }
  }

  @Test
  void genaiGenerateContentReturnsTheCodeAndWhatItReallyPrinted() {
    JsonNode result = genai("generate");

    assertThat(result.get("kinds")).isEqualTo(tree("[\"text\", \"code\", \"result\", \"text\"]"));
    assertThat(result.get("executableCode").asText()).contains("print(sum(range(10)))");
    assertThat(result.get("codeExecutionResult").asText()).isEqualTo(OUTPUT);
    assertThat(result.get("outcomes")).isEqualTo(tree("[\"OUTCOME_OK\"]"));
    assertThat(result.get("text").asText()).contains(OUTPUT);
    assertThat(result.get("finishReason").asText()).isEqualTo("STOP");
    assertThat(result.get("modelVersion").asText()).isEqualTo("gemini-2.5-flash");
    assertThat(result.get("responseId").asText()).hasSize(22);
    assertThat(result.at("/usage/totalTokenCount").asInt()).isGreaterThan(result.at("/usage/promptTokenCount").asInt());
  }

  @Test
  void genaiSeesAFailingSnippetsTraceback() {
    JsonNode result = genai("generateFailing");

    assertThat(result.get("outcomes")).isEqualTo(tree("[\"OUTCOME_FAILED\"]"));
    assertThat(result.get("codeExecutionResult").asText())
        .startsWith("before\nTraceback (most recent call last):")
        .endsWith("ZeroDivisionError: division by zero\n");
  }

  @Test
  void genaiStreamDeliversSeveralChunksInGeminisOrder() {
    JsonNode result = genai("stream");

    assertThat(result.get("chunks").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(String.join(",", strings(result.get("kinds")))).matches("(text,)+code,result(,text)+");
    assertThat(result.get("codeExecutionResult")).isEqualTo(tree("[\"45\\nhi from gememu\\n\"]"));
    assertThat(result.get("text").asText()).contains(OUTPUT);
    assertThat(result.get("responseIds")).hasSize(1);
    List<String> finishReasons = strings(result.get("finishReasons"));
    assertThat(finishReasons.get(finishReasons.size() - 1)).isEqualTo("STOP");
  }

  @Test
  void genaiChatReplaysCodeAndResultPartsAsHistory() {
    JsonNode result = genai("chat");

    assertThat(result.at("/first/codeExecutionResult").asText()).isEqualTo(OUTPUT);
    assertThat(result.at("/second/codeExecutionResult").asText()).isEqualTo("42\n");
    assertThat(result.get("historyLength").asInt()).isEqualTo(4);
  }

  @Test
  void genaiCountTokensMatchesThePromptTokensOfGenerateContent() {
    JsonNode result = genai("countTokens");

    assertThat(result.get("totalTokens").asInt()).isPositive().isEqualTo(result.get("promptTokenCount").asInt());
  }

  @Test
  void genaiListsEveryServedModelAcrossPages() {
    JsonNode result = genai("listModels");

    assertThat(strings(result.get("names"))).containsExactlyElementsOf(
        ServerConfig.defaults().models().stream().map(model -> "models/" + model).toList());
  }

  @Test
  void genaiGetsOneModel() {
    JsonNode result = genai("getModel");

    assertThat(result.get("name").asText()).isEqualTo("models/gemini-2.5-flash");
    assertThat(result.get("inputTokenLimit").asInt()).isPositive();
    assertThat(strings(result.get("supportedActions"))).contains("generateContent", "countTokens");
  }

  @Test
  void genaiReportsAnUnknownModelAsApiErrorWithStatus404() {
    for (String scenario : List.of("unknownModel", "unknownModelStream")) {
      JsonNode error = genaiScript().error(GEMEMU.baseUrl(), scenario);

      assertThat(error.get("name").asText()).as(scenario).isEqualTo("ApiError");
      assertThat(error.get("status").asInt()).as(scenario).isEqualTo(404);
      JsonNode envelope = tree(error.get("message").asText()).get("error");
      assertThat(envelope.get("status").asText()).as(scenario).isEqualTo("NOT_FOUND");
      assertThat(envelope.get("message").asText()).as(scenario).startsWith("models/gemini-0-nope is not found");
    }
  }

  @Test
  void genaiSendsNoConfigFieldThatGememuRejects() {
    JsonNode result = genai("configFields");

    List<String> rejected = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : result.properties()) {
      String outcome = field.getValue().asText();
      if (!outcome.equals("ok") && !outcome.startsWith("sdk: ")) {
        rejected.add(field.getKey() + " -> " + outcome);
      }
    }
    assertThat(rejected).isEmpty();
    assertThat(result.get("continuationToken").asText()).isEqualTo("ok");
    assertThat(result.get("audioTranscriptionConfig").asText()).isEqualTo("ok");
    assertThat(result.get("responseJsonSchema").asText()).isEqualTo("ok");
  }

  @Test
  void genaiSendsNoPartFieldThatGememuRejects() {
    assertThat(genai("everyPartKind").get("codeExecutionResult").asText()).isEqualTo("3\n");
  }

  @Test
  void vercelGenerateTextSeesTheToolCallAndItsRealResult() {
    JsonNode result = vercel("generate");

    assertThat(result.get("content")).isEqualTo(tree("""
        [
          {"type": "text", "text": "I will run the Python code from your message."},
          {"type": "tool-call", "toolName": "code_execution", "providerExecuted": true,
           "input": {"language": "PYTHON", "code": "print(sum(range(10)))\\nprint(\\"hi from \\" + \\"gememu\\")\\n"}},
          {"type": "tool-result", "toolName": "code_execution",
           "output": {"outcome": "OUTCOME_OK", "output": "45\\nhi from gememu\\n"}},
          {"type": "text", "text": "The code ran with outcome OUTCOME_OK. Its output:\\n```\\n45\\nhi from gememu\\n```"}
        ]"""));
    assertThat(result.get("finishReason").asText()).isEqualTo("stop");
    assertThat(result.get("warnings")).isEmpty();
    assertThat(result.at("/usage/inputTokens").asInt()).isPositive();
    assertThat(result.at("/usage/outputTokens").asInt()).isPositive();
  }

  @Test
  void vercelSeesAFailedOutcome() {
    JsonNode content = vercel("generateFailing").get("content");

    assertThat(content.get(2).at("/output/outcome").asText()).isEqualTo("OUTCOME_FAILED");
    assertThat(content.get(2).at("/output/output").asText()).contains("ZeroDivisionError: division by zero");
  }

  @Test
  void vercelStreamTextDeliversTextDeltasAroundTheToolCall() {
    JsonNode result = vercel("stream");

    assertThat(result.get("errors")).isEmpty();
    assertThat(result.get("order")).isEqualTo(tree("[\"text\", \"code\", \"result\", \"text\"]"));
    assertThat(result.get("textDeltas").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(result.get("text").asText()).contains(OUTPUT);
    assertThat(result.get("finishReason").asText()).isEqualTo("stop");
    assertThat(result.findValues("output")).anySatisfy(output ->
        assertThat(output.get("output").asText()).isEqualTo(OUTPUT));
  }

  @Test
  void vercelReplaysAGemini3ConversationWithItsToolCalls() {
    JsonNode result = vercel("chat");

    assertThat(result.at("/first/2/output/output").asText()).isEqualTo(OUTPUT);
    assertThat(result.at("/content/2/output/output").asText()).isEqualTo("42\n");
  }

  @Test
  void vercelSendsNoOptionThatGememuRejects() {
    JsonNode result = vercel("everyOption");

    assertThat(result.at("/content/2/output/output").asText()).isEqualTo("3\n");
  }

  @Test
  void vercelReportsAnUnknownModelAsA404ApiCallError() {
    JsonNode error = vercelScript().error(GEMEMU.baseUrl() + "/v1beta", "unknownModel");

    assertThat(error.get("name").asText()).isEqualTo("AI_APICallError");
    assertThat(error.get("statusCode").asInt()).isEqualTo(404);
    assertThat(error.get("isRetryable").asBoolean()).isFalse();
    assertThat(error.get("message").asText()).startsWith("models/gemini-0-nope is not found for API version v1beta");
    assertThat(error.get("url").asText()).isEqualTo(GEMEMU.baseUrl() + "/v1beta/models/gemini-0-nope:generateContent");
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.isNull() ? null : value.asText()));
    return values;
  }
}
