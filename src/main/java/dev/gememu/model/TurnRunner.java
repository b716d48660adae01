package dev.gememu.model;

import dev.gememu.api.Blob;
import dev.gememu.api.CodeExecutionResult;
import dev.gememu.api.ExecutableCode;
import dev.gememu.api.Outcome;
import dev.gememu.api.Part;
import dev.gememu.executor.ExecutionOutcome;
import dev.gememu.executor.ExecutionRequest;
import dev.gememu.executor.ExecutionResult;
import dev.gememu.executor.OutputFile;
import dev.gememu.executor.PythonExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a {@link Reply.Scripted} into response parts, executing each code step for real. Parts are handed to
 * the sink as soon as they exist, so a stream can send text before slow code finishes. Files a run
 * produces (matplotlib figures, PIL images it showed) follow its {@code codeExecutionResult} as
 * {@code inlineData} parts, in the order they were produced, as Gemini sends them.
 */
public final class TurnRunner {
  private final PythonExecutor executor;

  public TurnRunner(PythonExecutor executor) {
    this.executor = executor;
  }

  /** Runs the reply's steps in order, each code step with the request's files, and returns the code that ran. */
  public List<ExecutedCode> run(Reply.Scripted reply, ModelInfo model, Map<String, byte[]> inputFiles, Consumer<Part> sink) {
    List<ExecutedCode> executed = new ArrayList<>();
    ExecutedCode latest = null;
    Step finalText = lastText(reply);
    for (Step step : reply.steps()) {
      if (step instanceof Step.Text text) {
        Part part = Part.text(fill(text.template(), latest));
        sink.accept(step == finalText && model.splitsFailureOutput() ? sign(part) : part);
      } else if (step instanceof Step.Thought thought) {
        sink.accept(Part.text(thought.text()).asThought());
      } else if (step instanceof Step.InlineData data) {
        sink.accept(Part.inline(new Blob(data.mimeType(), data.base64Data(), null)));
      } else if (step instanceof Step.FunctionCall call) {
        sink.accept(Part.functionCall(call.name(), call.args()));
      } else if (step instanceof Step.Code code) {
        String id = model.gemini3() ? Gemini3Parts.codeId(code.code(), executed.size()) : null;
        Part part = Part.code(model.gemini3() ? Gemini3Parts.code(code.code(), id) : ExecutableCode.python(code.code()));
        sink.accept(model.splitsFailureOutput() ? sign(part) : part);
        latest = runCode(code, model, id, inputFiles, sink);
        executed.add(latest);
      } else {
        throw new IllegalStateException("unknown kind of step: " + step);
      }
    }
    return executed;
  }

  private static Step lastText(Reply.Scripted reply) {
    Step last = null;
    for (Step step : reply.steps()) {
      if (step instanceof Step.Text) {
        last = step;
      }
    }
    return last;
  }

  /**
   * Gemini 3 signs its code and final text parts. The signature is opaque to clients; gememu's is a
   * digest of the part's content, so the same reply always carries the same signature.
   */
  static Part sign(Part part) {
    String content = part.text() != null ? part.text() : part.executableCode().code();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("gememu-thought-signature:" + content).getBytes(StandardCharsets.UTF_8));
      return part.withThoughtSignature(Base64.getEncoder().encodeToString(digest));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private ExecutedCode runCode(Step.Code step, ModelInfo model, String id, Map<String, byte[]> inputFiles,
      Consumer<Part> sink) {
    ExecutionResult result = step.forceDeadline()
        ? ExecutionResult.deadlineExceeded("", "", "", Duration.ZERO)
        : executor.execute(new ExecutionRequest(step.code(), inputFiles, step.interpreter()));
    List<CodeExecutionResult> results = CodeResultLayout.of(result, model);
    List<CodeExecutionResult> sent = model.gemini3() ? Gemini3Parts.results(results, id) : results;
    sent.forEach(r -> sink.accept(Part.result(r)));
    for (OutputFile file : result.files()) {
      sink.accept(Part.inline(new Blob(file.mimeType(), Base64.getEncoder().encodeToString(file.bytes()), null)));
    }
    CodeExecutionResult last = results.get(results.size() - 1);
    String output = results.size() == 1 ? last.output() : results.get(0).output() + last.output();
    return new ExecutedCode(step.code(), CodeResultLayout.outcome(result.outcome()), output, step.expectedOutput(),
        result.elapsed(), result.ranOn() == null ? null : result.ranOn().label());
  }

  private static String fill(String template, ExecutedCode latest) {
    if (latest == null) {
      return template;
    }
    return template
        .replace("{{output.trim}}", latest.output().strip())
        .replace("{{output}}", latest.output())
        .replace("{{outcome}}", latest.outcome().name());
  }

  /** Lays out an execution result as Gemini's {@code codeExecutionResult} parts. */
  static final class CodeResultLayout {
    private CodeResultLayout() {}

    static List<CodeExecutionResult> of(ExecutionResult result, ModelInfo model) {
      String stderrTail = result.stderr().isEmpty() ? "" : "\n\nstderr: " + result.stderr();
      return switch (result.outcome()) {
        case OK -> List.of(new CodeExecutionResult(Outcome.OUTCOME_OK, result.stdout() + stderrTail));
        case FAILED -> failed(result, model);
        case DEADLINE_EXCEEDED -> List.of(new CodeExecutionResult(Outcome.OUTCOME_DEADLINE_EXCEEDED,
            result.stdout() + nullToEmpty(result.error())));
      };
    }

    /** The wire's name for how a run ended. */
    static Outcome outcome(ExecutionOutcome outcome) {
      return switch (outcome) {
        case OK -> Outcome.OUTCOME_OK;
        case FAILED -> Outcome.OUTCOME_FAILED;
        case DEADLINE_EXCEEDED -> Outcome.OUTCOME_DEADLINE_EXCEEDED;
      };
    }

    /**
     * Gemini 3 reports the stdout printed before the exception as its own result, and starts the
     * failure with {@code str(exception)} on a line of its own before the traceback.
     */
    private static List<CodeExecutionResult> failed(ExecutionResult result, ModelInfo model) {
      if (!model.splitsFailureOutput()) {
        return List.of(new CodeExecutionResult(Outcome.OUTCOME_FAILED, result.stdout() + result.error()));
      }
      CodeExecutionResult failure =
          new CodeExecutionResult(Outcome.OUTCOME_FAILED, exceptionMessage(result.error()) + "\n" + result.error());
      return result.stdout().isEmpty() ? List.of(failure)
          : List.of(new CodeExecutionResult(Outcome.OUTCOME_OK, result.stdout()), failure);
    }

    /** {@code str(exception)}, read from the traceback's last line {@code Type: message}. */
    static String exceptionMessage(String traceback) {
      String trimmed = traceback.stripTrailing();
      String last = trimmed.substring(trimmed.lastIndexOf('\n') + 1);
      int colon = last.indexOf(": ");
      return colon < 0 || last.startsWith(" ") ? "" : last.substring(colon + 2);
    }

    private static String nullToEmpty(String text) {
      return text == null ? "" : text;
    }
  }
}
