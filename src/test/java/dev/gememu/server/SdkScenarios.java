package dev.gememu.server;

import static dev.gememu.testing.RawHttp.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.config.ServerConfig;
import dev.gememu.testing.ClientProgram;
import dev.gememu.testing.SharedGememu;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scenarios every official SDK program ({@code src/test/python/genai_sdk.py}, the Go
 * {@code genai-sdk}) runs against the shared gememu, asserted alike: each prints the same summary of
 * what the SDK handed it.
 */
abstract class SdkScenarios {
  static final String OUTPUT = "45\nhi from gememu\n";

  @RegisterExtension
  static final SharedGememu GEMEMU = new SharedGememu();

  /** The program under test. */
  abstract ClientProgram program();

  /** The name of the SDK's error type for an HTTP error, e.g. {@code ClientError}. */
  abstract String apiErrorName();

  JsonNode result(String scenario) {
    return program().result(GEMEMU.baseUrl(), scenario);
  }

  @Test
  void generateContentReturnsTheCodeAndWhatItReallyPrinted() {
    JsonNode result = result("generate");

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
  void aFailingSnippetComesBackAsItsTraceback() {
    JsonNode result = result("generateFailing");

    assertThat(result.get("outcomes")).isEqualTo(tree("[\"OUTCOME_FAILED\"]"));
    assertThat(result.get("codeExecutionResult").asText())
        .startsWith("before\nTraceback (most recent call last):")
        .endsWith("ZeroDivisionError: division by zero\n");
  }

  @Test
  void aGemini3FailureSplitsTheOutputPrintedBeforeTheException() {
    JsonNode result = result("generateGemini3Failing");

    assertThat(result.get("kinds")).isEqualTo(tree("[\"text\", \"code\", \"result\", \"result\", \"text\"]"));
    assertThat(result.get("outcomes")).isEqualTo(tree("[\"OUTCOME_OK\", \"OUTCOME_FAILED\"]"));
    assertThat(result.get("codeExecutionResult").asText()).isEqualTo("before\n");
    assertThat(result.get("text").asText()).contains("division by zero\nTraceback (most recent call last):");
  }

  @Test
  void streamDeliversSeveralChunksInGeminisOrder() {
    JsonNode result = result("stream");

    assertThat(result.get("chunks").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(String.join(",", strings(result.get("kinds")))).matches("(text,)+code,result(,text)+");
    assertThat(result.get("codeExecutionResult")).isEqualTo(tree("[\"45\\nhi from gememu\\n\"]"));
    assertThat(result.get("text").asText()).contains(OUTPUT);
    assertThat(result.get("responseIds")).hasSize(1);
    assertThat(lastOf(result.get("finishReasons"))).isEqualTo("STOP");
  }

  @Test
  void aGemini3StreamEndsWithTheSignedFinalEvent() {
    JsonNode result = result("streamGemini3");

    assertThat(result.get("text").asText()).contains(OUTPUT);
    assertThat(result.at("/last/finishReason").asText()).isEqualTo("STOP");
    assertThat(result.at("/last/signed")).isEqualTo(tree("[true]"));
    assertThat(result.at("/last/modelVersion").asText()).isEqualTo("gemini-3-flash-preview");
  }

  @Test
  void chatSendsCodeAndResultPartsBackAsHistory() {
    for (String scenario : List.of("chat", "chatGemini3")) {
      JsonNode result = result(scenario);

      assertThat(result.at("/first/codeExecutionResult").asText()).as(scenario).isEqualTo(OUTPUT);
      assertThat(result.at("/second/codeExecutionResult").asText()).as(scenario).isEqualTo("42\n");
      assertThat(result.get("historyLength").asInt()).as(scenario).isEqualTo(4);
    }
  }

  @Test
  void countTokensMatchesThePromptTokensOfGenerateContent() {
    JsonNode result = result("countTokens");

    assertThat(result.get("totalTokens").asInt()).isPositive().isEqualTo(result.get("promptTokenCount").asInt());
  }

  @Test
  void listsEveryServedModelAcrossPages() {
    assertThat(strings(result("listModels").get("names"))).containsExactlyElementsOf(
        ServerConfig.defaults().models().stream().map(model -> "models/" + model).toList());
  }

  @Test
  void getsOneModelWithItsLimitsAndMethods() {
    JsonNode result = result("getModel");

    assertThat(result.get("name").asText()).isEqualTo("models/gemini-2.5-flash");
    assertThat(result.get("inputTokenLimit").asInt()).isEqualTo(1_048_576);
    assertThat(result.get("outputTokenLimit").asInt()).isEqualTo(65_536);
    assertThat(strings(result.get("supportedActions"))).contains("generateContent", "countTokens");
    assertThat(result.get("thinking").asBoolean()).isTrue();
  }

  @Test
  void reportsAnUnknownModelAsTheSdksErrorWithCode404() {
    for (String scenario : List.of("unknownModel", "unknownModelStream")) {
      JsonNode error = program().error(GEMEMU.baseUrl(), scenario);

      assertThat(error.get("name").asText()).as(scenario).isEqualTo(apiErrorName());
      assertThat(error.get("code").asInt()).as(scenario).isEqualTo(404);
      assertThat(error.get("status").asText()).as(scenario).isEqualTo("NOT_FOUND");
      assertThat(error.get("message").asText()).as(scenario).startsWith("models/gemini-0-nope is not found for API version v1");
    }
  }

  static String lastOf(JsonNode array) {
    return array.get(array.size() - 1).asText();
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.isNull() ? null : value.asText()));
    return values;
  }
}
