package dev.gememu.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.GenerateContentResponse;
import dev.gememu.api.ModelCall;
import dev.gememu.executor.ExecutionRequest;
import dev.gememu.executor.ExecutionResult;
import dev.gememu.executor.PythonExecutor;
import dev.gememu.server.JsonMapper;
import java.time.Duration;
import java.util.ArrayList;
import dev.gememu.files.FileLimits;
import dev.gememu.files.FileStore;
import java.time.Clock;
import java.util.Random;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gemini 3's wire shapes, compared field by field with real recordings (gemini-api-reference.md §10,
 * §4.1), as the JSON gememu writes for each event; Gemini 2.x keeps its own. A fake executor stands in
 * for Python: the shapes are the subject, not the execution.
 */
class Gemini3WireShapesTest {
  private static final ObjectMapper MAPPER = JsonMapper.create();
  private static final ObjectWriter EVENTS = JsonMapper.eventWriter(MAPPER);

  private final ContentGenerator generator = new ContentGenerator(
      new ModelCatalog(ModelCatalog.DEFAULT_MODELS), List.of(new InlineCodeResponder()), new TurnRunner(new FakePython()),
      new TokenEstimator(), () -> "NDt8acncJ_KEz7IPq57X6Ag",
      new InputFiles(FileStore.inMemory(FileLimits.defaults(), Clock.systemUTC(), new Random(1))));

  @Test
  void aGemini3StreamIdsItsCodeAndResultAndEndsWithAnEmptySignedPart() {
    List<JsonNode> events = stream("gemini-3.5-flash", "print('ok')");

    JsonNode code = single(events, "executableCode");
    JsonNode result = single(events, "codeExecutionResult");
    assertThat(code.at("/executableCode/language").asText()).isEqualTo("PYTHON");
    assertThat(code.at("/executableCode/id").asText()).matches("[a-z0-9]{8}");
    assertThat(code.has("thoughtSignature")).isTrue();
    assertThat(result.get("codeExecutionResult")).isEqualTo(tree(
        "{\"outcome\": \"OUTCOME_OK\", \"output\": \"ok\\n\", \"id\": \"" + code.at("/executableCode/id").asText() + "\"}"));
    assertThat(result.has("thoughtSignature")).isFalse();

    JsonNode last = events.get(events.size() - 1);
    JsonNode lastParts = last.at("/candidates/0/content/parts");
    assertThat(lastParts).hasSize(1);
    assertThat(lastParts.get(0).get("text").asText()).isEmpty();
    assertThat(lastParts.get(0).get("thoughtSignature").asText()).isNotEmpty();
    assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    for (JsonNode event : events) {
      assertThat(event.get("modelVersion").asText()).isEqualTo("gemini-3.5-flash");
      assertThat(event.get("responseId").asText()).isEqualTo("NDt8acncJ_KEz7IPq57X6Ag");
      assertThat(event.has("usageMetadata")).isTrue();
      if (event != last) {
        assertThat(event.at("/candidates/0").has("finishReason")).as(event.toString()).isFalse();
        assertThat(event.at("/candidates/0/content/parts/0").has("thoughtSignature") && event.toString().contains("\"text\""))
            .as("only the last event's text is signed: %s", event).isFalse();
      }
    }
  }

  @Test
  void aGemini3FailureIsTwoIdentifiedResultsAsInTheRecording() {
    JsonNode parts = complete("gemini-3-flash-preview", "print('ok')\nprint(1/0)").at("/candidates/0/content/parts");

    String id = parts.get(1).at("/executableCode/id").asText();
    assertThat(parts.get(1).has("thoughtSignature")).isTrue();
    assertThat(parts.get(2)).isEqualTo(tree("{\"codeExecutionResult\": {\"outcome\": \"OUTCOME_OK\", \"output\": \"ok\\n\", \"id\": \"" + id + "\"}}"));
    assertThat(parts.get(3).at("/codeExecutionResult/outcome").asText()).isEqualTo("OUTCOME_FAILED");
    assertThat(parts.get(3).at("/codeExecutionResult/output").asText())
        .isEqualTo("division by zero\n" + FakePython.TRACEBACK);
    assertThat(parts.get(3).at("/codeExecutionResult/id").asText()).isEqualTo(id);
    assertThat(parts.get(4).has("thoughtSignature")).isTrue();
  }

  @Test
  void aGemini3ResultThatPrintedNothingHasNoOutputField() {
    JsonNode parts = complete("gemini-3.1-pro-preview", "x = 1").at("/candidates/0/content/parts");

    assertThat(parts.get(2).get("codeExecutionResult")).isEqualTo(tree(
        "{\"outcome\": \"OUTCOME_OK\", \"id\": \"" + parts.get(1).at("/executableCode/id").asText() + "\"}"));
  }

  @Test
  void gemini2KeepsItsShapes() {
    JsonNode parts = complete("gemini-2.5-flash", "x = 1").at("/candidates/0/content/parts");
    assertThat(parts.get(1).get("executableCode")).isEqualTo(tree("{\"language\": \"PYTHON\", \"code\": \"x = 1\\n\"}"));
    assertThat(parts.get(2).get("codeExecutionResult")).isEqualTo(tree("{\"outcome\": \"OUTCOME_OK\", \"output\": \"\"}"));

    List<JsonNode> events = stream("gemini-2.0-flash", "print('ok')");
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.at("/candidates/0/content/parts/0/text").asText()).isNotEmpty();
    assertThat(last.at("/candidates/0/content/parts/0").has("thoughtSignature")).isFalse();
    assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
  }

  @Test
  void theSameReplyCarriesTheSameIds() {
    assertThat(complete("gemini-3.5-flash", "print('ok')")).isEqualTo(complete("gemini-3.5-flash", "print('ok')"));
  }

  private List<JsonNode> stream(String model, String code) {
    List<JsonNode> events = new ArrayList<>();
    generator.prepare(new ModelCall("v1beta", model, ModelCall.Method.STREAM_GENERATE_CONTENT), request(code))
        .stream(event -> events.add(tree(write(event))));
    return events;
  }

  private JsonNode complete(String model, String code) {
    return tree(write(generator.generate(new ModelCall("v1beta", model, ModelCall.Method.GENERATE_CONTENT), request(code))));
  }

  private static JsonNode single(List<JsonNode> events, String field) {
    List<JsonNode> found = events.stream().map(e -> e.at("/candidates/0/content/parts/0")).filter(p -> p.has(field)).toList();
    assertThat(found).as(field).hasSize(1);
    return found.get(0);
  }

  private static GenerateContentRequest request(String code) {
    try {
      String text = MAPPER.writeValueAsString("Run this:\n```python\n" + code + "\n```");
      return MAPPER.readValue("{\"contents\": [{\"parts\": [{\"text\": " + text + "}]}], \"tools\": [{\"codeExecution\": {}}]}",
          GenerateContentRequest.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String write(GenerateContentResponse response) {
    try {
      return EVENTS.writeValueAsString(response);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(json, e);
    }
  }

  /** Prints "ok\n" for print('ok'), fails after it for 1/0, prints nothing otherwise. */
  private static final class FakePython implements PythonExecutor {
    static final String TRACEBACK = "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n"
        + "ZeroDivisionError: division by zero\n";

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
      String code = request.code();
      String stdout = code.contains("print('ok')") ? "ok\n" : "";
      return code.contains("1/0") ? ExecutionResult.failed(stdout, "", TRACEBACK, Duration.ZERO)
          : ExecutionResult.ok(stdout, "", Duration.ZERO);
    }

    @Override
    public String describe() {
      return "fake";
    }

    @Override
    public void close() {}
  }
}
