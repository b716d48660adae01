package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.testing.ClientProgram;
import dev.gememu.testing.NodeScript;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.SdkPrograms;
import dev.gememu.testing.SharedGememu;
import dev.gememu.testing.Toolchain;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The four examples on Google's code execution page (Python, JavaScript, Go, REST), run as the page
 * prints them against gememu serving the shipped {@code fixtures/}: only the base URL and the key differ,
 * given as the {@code GOOGLE_GEMINI_BASE_URL} and {@code GEMINI_API_KEY} every SDK reads. Each prints
 * what the page shows: the model's plan, the code, the code's real output 5117 and the answer.
 */
class PageExamplesIT {
  private static final String ANSWER = "The sum of the first 50 prime numbers is 5117.";
  private static final String CODE_LINE = "print(sum(primes))";

  @RegisterExtension
  static final SharedGememu GEMEMU = new SharedGememu();

  private static Map<String, String> environment() {
    return Map.of("GOOGLE_GEMINI_BASE_URL", GEMEMU.baseUrl(), "GEMINI_API_KEY", "page-example-key");
  }

  @Test
  void pythonPrintsThePlanTheCodeItsOutputAndTheAnswer() {
    SdkPrograms.requirePython();
    String out = printed(List.of(SdkPrograms.PYTHON_DIRECTORY.resolve(".venv/bin/python").toString(), "page_example.py"),
        SdkPrograms.PYTHON_DIRECTORY);

    assertThat(out).startsWith("I will find the first 50 prime numbers").contains(CODE_LINE).contains("\n5117\n\n")
        .endsWith(ANSWER + "\n");
  }

  @Test
  void javaScriptPrintsThePlanTheCodeItsOutputAndTheAnswer() {
    NodeScript.requireNodeAndSdks("@google/genai");
    String out = printed(List.of("node", "page-example.mjs"), NodeScript.DIRECTORY);

    assertThat(out).startsWith("I will find the first 50 prime numbers").contains(CODE_LINE).contains("\n5117\n\n")
        .endsWith(ANSWER + "\n");
  }

  @Test
  void goPrintsTheTextTheCodeAndItsOutput() {
    SdkPrograms.requireGo();
    String out = printed(List.of(SdkPrograms.GO_DIRECTORY.resolve("bin/page-example").toString()), SdkPrograms.GO_DIRECTORY);

    // result.Text() joins the text parts; ExecutableCode() and CodeExecutionResult() follow.
    assertThat(out).startsWith("I will find the first 50 prime numbers").contains(ANSWER + "\n")
        .contains(CODE_LINE).endsWith("\n5117\n\n");
  }

  @Test
  void restAnswersTheCurlBodyOfThePageWithItsSingleValuesAndTrailingComma() {
    Toolchain.require("REST example", Toolchain.firstLineOf(List.of("curl", "--version")) == null ? "curl is not on the PATH" : null);
    // The page's body as printed: "contents" and "parts" hold one object instead of a list, and a comma trails.
    String body = """
         {"tools": [{"code_execution": {}}],
            "contents": {
              "parts":
                {
                    "text": "What is the sum of the first 50 prime numbers? Generate and run code for the calculation, and make sure you get all 50."
                }
            },
        }""";
    String out = printed(List.of("curl", "-sS", GEMEMU.baseUrl() + "/v1beta/models/gemini-3.5-flash:generateContent",
        "-H", "x-goog-api-key: page-example-key", "-H", "Content-Type: application/json", "-d", body), Path.of("."));

    JsonNode parts = RawHttp.tree(out).at("/candidates/0/content/parts");
    assertThat(parts.get(1).at("/executableCode/code").asText()).contains(CODE_LINE);
    assertThat(parts.get(2).at("/codeExecutionResult/output").asText()).isEqualTo("5117\n");
    assertThat(parts.get(3).get("text").asText()).isEqualTo(ANSWER);
  }

  private static String printed(List<String> command, Path directory) {
    ClientProgram.Output output = ClientProgram.exec(command, directory, environment());
    assertThat(output.exitCode()).as("%s exited; stderr:\n%s", command, output.stderr()).isZero();
    return output.stdout();
  }
}
