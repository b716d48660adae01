package dev.gememu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.Client;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Tool;
import com.google.genai.types.ToolCodeExecution;
import dev.gememu.FixtureBuilder;
import dev.gememu.Gememu;
import dev.gememu.RecordedCall;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The README's "Use in JUnit 5" example, as written there, and what a test leaves behind. */
@GememuTest(fixtures = "gemini/sum-of-primes.yaml")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SumOfPrimesIT {
  private static final GenerateContentConfig CODE_EXECUTION = GenerateContentConfig.builder()
      .tools(Tool.builder().codeExecution(ToolCodeExecution.builder().build()).build())
      .build();

  @Test
  @Order(1)
  void answersWithWhatTheCodeReallyPrinted(Client client, Gememu gememu) {
    GenerateContentResponse response = client.models.generateContent("gemini-2.5-flash",
        "What is the sum of the first 50 prime numbers?", CODE_EXECUTION);

    assertThat(response.text()).contains("The sum is 5117.");
    RecordedCall call = gememu.requests().model("gemini-2.5-flash").single();
    assertThat(call.code()).singleElement().satisfies(run -> {
      assertThat(run.code()).contains("primes.append(n)");
      assertThat(run.outcome()).isEqualTo("OUTCOME_OK");
      assertThat(run.output()).isEqualTo("5117\n");
    });
  }

  @Test
  @Order(2)
  void servesFixturesAddedByTheTest(Client client, Gememu gememu) {
    gememu.fixture(FixtureBuilder.named("greeting").lastUserText("Hi").text("Hello from this test only."));

    assertThat(client.models.generateContent("gemini-2.5-flash", "Hi", null).text())
        .isEqualTo("Hello from this test only.");
  }

  @Test
  @Order(3)
  void nothingLeaksFromTheTestsBefore(Client client, Gememu gememu, @BaseUrl String baseUrl) {
    assertThat(gememu.requests().count()).isZero();
    assertThat(baseUrl).isEqualTo(gememu.baseUrl()).startsWith("http://127.0.0.1:");
    assertThat(gememu.headers()).containsKey("x-gememu-scope");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> client.models.generateContent("gemini-2.5-flash", "Hi", null))
        .hasMessageContaining("404");
  }
}
