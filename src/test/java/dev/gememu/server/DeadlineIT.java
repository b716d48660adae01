package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.types.CodeExecutionResult;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Outcome;
import dev.gememu.testing.RunningGememu;
import dev.gememu.testing.Sdk;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An infinite loop under a 2 s limit, through the official Java SDK. */
class DeadlineIT {
  @RegisterExtension
  static final RunningGememu server = RunningGememu.configuredBy(
      c -> c.withLimits(c.limits().withTimeout(Duration.ofSeconds(2))));

  /** Both workers up and past their first run, so the 2 s are the snippet's alone. */
  @BeforeAll
  static void warmUp() {
    for (int i = 0; i < 4; i++) {
      server.sdk().models.generateContent("gemini-2.5-flash", Sdk.runPrompt("print(1)"), Sdk.withCodeExecution());
    }
  }

  @Test
  void stopsAnInfiniteLoopAtTheDeadlineAndKeepsServing() {
    long start = System.nanoTime();
    GenerateContentResponse response = server.sdk().models.generateContent(
        "gemini-2.5-flash", Sdk.runPrompt("print('started', flush=True)\nwhile True:\n    pass"),
        Sdk.withCodeExecution());
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    CodeExecutionResult result = response.candidates().orElseThrow().get(0).content().orElseThrow().parts().orElseThrow()
        .stream().filter(p -> p.codeExecutionResult().isPresent()).findFirst().orElseThrow().codeExecutionResult().orElseThrow();
    assertThat(result.outcome().orElseThrow().knownEnum()).isEqualTo(Outcome.Known.OUTCOME_DEADLINE_EXCEEDED);
    assertThat(result.output().orElseThrow()).startsWith("started\n").contains("2 s time limit");
    assertThat(elapsedMillis).as("answered soon after the 2 s deadline").isBetween(2_000L, 9_000L);
    assertThat(server.sdk().models.generateContent("gemini-2.5-flash", Sdk.runPrompt("print(6*7)"), Sdk.withCodeExecution())
        .codeExecutionResult()).isEqualTo("42\n");
  }
}
