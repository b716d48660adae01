package dev.gememu.server;

import static dev.gememu.testing.RawHttp.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * pinned majors here and the newest ones in {@link JsSdkNewestIT}. The scenarios every official SDK
 * runs are in {@link JsGenaiSdkIT}.
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
}
