package dev.gememu.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.api.Outcome;
import dev.gememu.api.Part;
import dev.gememu.executor.ExecutionRequest;
import dev.gememu.executor.ExecutionResult;
import dev.gememu.executor.OutputFile;
import dev.gememu.executor.PythonExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TurnRunnerTest {
  private static final ModelInfo GEMINI_25 = ModelInfo.forId("gemini-2.5-flash");
  private static final ModelInfo GEMINI_3 = ModelInfo.forId("gemini-3-flash-preview");

  @Test
  void fillsTemplatesWithTheOutputOfTheLatestCodeStep() {
    TurnRunner runner = new TurnRunner(executor(code -> ExecutionResult.ok(code.length() + "\n", "", Duration.ZERO)));
    Reply.Scripted reply = new Reply.Scripted(List.of(
        new Step.Text("before {{output}}"), Step.Code.of("abc"), new Step.Text("got {{output}} ({{outcome}})"),
        Step.Code.of("abcdef"), new Step.Text("then {{output}}")), "test");

    List<Part> parts = run(runner, reply, GEMINI_25);

    assertThat(parts).extracting(Part::text).containsExactly(
        "before {{output}}", null, null, "got 3\n (OUTCOME_OK)", null, null, "then 6\n");
  }

  @Test
  void sendsEachOutputFileAsInlineDataRightAfterItsResultInOrder() {
    byte[] first = {1, 2, 3};
    byte[] second = {4, 5};
    TurnRunner runner = new TurnRunner(executor(code -> ExecutionResult.ok("drawn\n", "", Duration.ZERO)
        .withFiles(List.of(new OutputFile("a.png", "image/png", first), new OutputFile("b.png", "image/png", second)))));
    Reply.Scripted reply = new Reply.Scripted(List.of(Step.Code.of("plot()"), new Step.Text("done")), "test");

    List<Part> parts = run(runner, reply, GEMINI_25);

    assertThat(parts.get(1).codeExecutionResult().output()).isEqualTo("drawn\n");
    assertThat(parts.subList(2, 4)).extracting(p -> p.inlineData().mimeType()).containsExactly("image/png", "image/png");
    assertThat(parts.subList(2, 4)).extracting(p -> Base64.getDecoder().decode(p.inlineData().data()))
        .containsExactly(first, second);
    assertThat(parts.get(4).text()).isEqualTo("done");
  }

  @Test
  void gemini2PutsStdoutAndTracebackInOneFailedResult() {
    TurnRunner runner = new TurnRunner(executor(code -> ExecutionResult.failed("ok\n", "", "Boom\n", Duration.ZERO)));

    List<Part> parts = run(runner, new Reply.Scripted(List.of(Step.Code.of("x")), "test"), GEMINI_25);

    assertThat(parts).hasSize(2);
    assertThat(parts.get(1).codeExecutionResult().outcome()).isEqualTo(Outcome.OUTCOME_FAILED);
    assertThat(parts.get(1).codeExecutionResult().output()).isEqualTo("ok\nBoom\n");
  }

  @Test
  void gemini3SplitsStdoutIntoItsOwnOkResultAndSignsParts() {
    TurnRunner runner = new TurnRunner(executor(code -> ExecutionResult.failed("ok\n", "", "Boom\n", Duration.ZERO)));

    List<Part> parts = run(runner, new Reply.Scripted(List.of(new Step.Text("a"), Step.Code.of("x"), new Step.Text("b")), "t"),
        GEMINI_3);

    assertThat(parts).hasSize(5);
    assertThat(parts.get(2).codeExecutionResult().outcome()).isEqualTo(Outcome.OUTCOME_OK);
    assertThat(parts.get(3).codeExecutionResult().outcome()).isEqualTo(Outcome.OUTCOME_FAILED);
    assertThat(parts.get(0).thoughtSignature()).isNull();
    assertThat(parts.get(1).thoughtSignature()).isNotBlank();
    assertThat(parts.get(4).thoughtSignature()).isNotBlank();
  }

  @Test
  void forcedDeadlineDoesNotRunTheCode() {
    List<String> ran = new ArrayList<>();
    TurnRunner runner = new TurnRunner(executor(code -> {
      ran.add(code);
      return ExecutionResult.ok("", "", Duration.ZERO);
    }));

    List<Part> parts = run(runner, new Reply.Scripted(List.of(new Step.Code("x", null, true)), "t"), GEMINI_25);

    assertThat(ran).isEmpty();
    assertThat(parts.get(1).codeExecutionResult().outcome()).isEqualTo(Outcome.OUTCOME_DEADLINE_EXCEEDED);
  }

  @Test
  void thoughtStepsBecomeThoughtParts() {
    TurnRunner runner = new TurnRunner(executor(code -> ExecutionResult.ok("", "", Duration.ZERO)));

    List<Part> parts = run(runner, new Reply.Scripted(List.of(new Step.Thought("hmm"), new Step.Text("answer")), "t"), GEMINI_25);

    assertThat(parts.get(0).thought()).isTrue();
    assertThat(parts.get(1).thought()).isNull();
  }

  private static List<Part> run(TurnRunner runner, Reply.Scripted reply, ModelInfo model) {
    List<Part> parts = new ArrayList<>();
    runner.run(reply, model, Map.of(), parts::add);
    return parts;
  }

  private static PythonExecutor executor(Function<String, ExecutionResult> behaviour) {
    return new PythonExecutor() {
      @Override
      public ExecutionResult execute(ExecutionRequest request) {
        return behaviour.apply(request.code());
      }

      @Override
      public String describe() {
        return "fake";
      }

      @Override
      public void close() {}
    };
  }
}
