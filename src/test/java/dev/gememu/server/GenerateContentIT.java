package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.errors.ApiException;
import com.google.genai.types.Outcome;
import com.google.genai.types.Part;
import com.google.genai.types.GenerateContentResponse;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import dev.gememu.testing.Sdk;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GenerateContentIT {
  private static final String FIRST_50_PRIMES = String.join("\n",
      "primes = []",
      "n = 2",
      "while len(primes) < 50:",
      "    if all(n % p for p in primes):",
      "        primes.append(n)",
      "    n += 1",
      "print(sum(primes))");

  // The default 30 s deadline (DeadlineIT tests a short one): a loaded 2-core machine must not decide these.
  @RegisterExtension
  static final RunningGememu server = RunningGememu.withDefaults();

  @Test
  void runsTheSnippetAndReturnsGeminisFourPartShape() {
    GenerateContentResponse response =
        server.sdk().models.generateContent("gemini-2.5-flash", Sdk.runPrompt(FIRST_50_PRIMES), Sdk.withCodeExecution());

    List<Part> parts = response.candidates().orElseThrow().get(0).content().orElseThrow().parts().orElseThrow();
    assertThat(parts).hasSize(4);
    assertThat(parts.get(0).text()).isPresent();
    assertThat(parts.get(1).executableCode().orElseThrow().code().orElseThrow()).contains(FIRST_50_PRIMES);
    assertThat(parts.get(1).executableCode().orElseThrow().language().orElseThrow().toString()).isEqualTo("PYTHON");
    assertThat(parts.get(2).codeExecutionResult().orElseThrow().outcome().orElseThrow().knownEnum())
        .isEqualTo(Outcome.Known.OUTCOME_OK);
    assertThat(parts.get(2).codeExecutionResult().orElseThrow().output()).contains("5117\n");
    assertThat(parts.get(3).text().orElseThrow()).contains("5117");
    assertThat(response.candidates().orElseThrow().get(0).finishReason().orElseThrow().toString()).isEqualTo("STOP");
    assertThat(response.modelVersion()).contains("gemini-2.5-flash");
    assertThat(response.responseId().orElseThrow()).hasSize(22);
  }

  @Test
  void outputIsWhatTheCodeReallyPrinted() {
    GenerateContentResponse response = server.sdk().models.generateContent(
        "gemini-2.5-flash", Sdk.runPrompt("print(sum(range(12345)) * 7)"), Sdk.withCodeExecution());

    assertThat(response.codeExecutionResult()).isEqualTo(sum(12345) * 7 + "\n");
  }

  @Test
  void reportsARaisedExceptionAsFailedWithAGeminiStyleTraceback() {
    GenerateContentResponse response = server.sdk().models.generateContent(
        "gemini-2.5-flash", Sdk.runPrompt("print('ok')\nprint(1/0)"), Sdk.withCodeExecution());

    var result = resultPart(response);
    assertThat(result.outcome().orElseThrow().knownEnum()).isEqualTo(Outcome.Known.OUTCOME_FAILED);
    assertThat(result.output().orElseThrow()).isEqualTo(
        "ok\nTraceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n"
            + "ZeroDivisionError: division by zero\n");
  }

  @Test
  void gemini3ReportsStdoutBeforeTheErrorAsItsOwnResult() {
    GenerateContentResponse response = server.sdk().models.generateContent(
        "gemini-3-flash-preview", Sdk.runPrompt("print('ok')\nprint(1/0)"), Sdk.withCodeExecution());

    List<Part> parts = response.candidates().orElseThrow().get(0).content().orElseThrow().parts().orElseThrow();
    assertThat(parts.get(2).codeExecutionResult().orElseThrow().output().orElseThrow()).isEqualTo("ok\n");
    assertThat(parts.get(2).codeExecutionResult().orElseThrow().outcome().orElseThrow().knownEnum())
        .isEqualTo(Outcome.Known.OUTCOME_OK);
    assertThat(parts.get(3).codeExecutionResult().orElseThrow().outcome().orElseThrow().knownEnum())
        .isEqualTo(Outcome.Known.OUTCOME_FAILED);
    assertThat(parts.get(3).codeExecutionResult().orElseThrow().output().orElseThrow())
        .startsWith("division by zero\nTraceback (most recent call last):\n")
        .endsWith("ZeroDivisionError: division by zero\n");
  }

  @Test
  void answersWithTextOnlyWhenTheToolIsNotEnabled() {
    GenerateContentResponse response =
        server.sdk().models.generateContent("gemini-2.5-flash", Sdk.runPrompt("print(1)"), null);

    assertThat(response.executableCode()).isNull();
    assertThat(response.text()).contains("code execution tool is not enabled");
  }

  @Test
  void unknownModelRaisesTheSdksOwn404() {
    assertThatThrownBy(() -> server.sdk().models.generateContent("gemini-0-nonexistent", "hi", null))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> {
          assertThat(((ApiException) e).code()).isEqualTo(404);
          assertThat(((ApiException) e).status()).isEqualTo("NOT_FOUND");
          assertThat(e.getMessage()).contains("models/gemini-0-nonexistent is not found for API version");
        });
  }

  @Test
  void acceptsSnakeCaseToolNamesAsGooglesCurlExamplesSendThem() {
    HttpResponse<String> response = server.http().post("/v1beta/models/gemini-2.5-flash:generateContent", """
        {"contents": [{"parts": [{"text": "Run this:\\n```python\\nprint(2**10)\\n```"}]}],
         "tools": [{"code_execution": {}}]}""");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode parts = RawHttp.tree(response.body()).at("/candidates/0/content/parts");
    assertThat(parts.get(2).at("/codeExecutionResult/output").asText()).isEqualTo("1024\n");
  }

  @Test
  void promptWithNothingToAnswerGetsAnErrorThatSaysHowToGetAReply() {
    assertThatThrownBy(() -> server.sdk().models.generateContent("gemini-2.5-flash", "What is 2+2?", null))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("What is 2+2?")
        .hasMessageContaining("```python");
  }

  private static com.google.genai.types.CodeExecutionResult resultPart(GenerateContentResponse response) {
    return response.candidates().orElseThrow().get(0).content().orElseThrow().parts().orElseThrow().stream()
        .filter(p -> p.codeExecutionResult().isPresent())
        .reduce((first, second) -> second).orElseThrow().codeExecutionResult().orElseThrow();
  }

  private static long sum(int n) {
    return (long) n * (n - 1) / 2;
  }
}
