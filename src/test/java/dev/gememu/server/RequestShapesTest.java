package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gememu.api.ApiException;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;
import dev.gememu.executor.ExecutionRequest;
import dev.gememu.executor.ExecutionResult;
import dev.gememu.executor.PythonExecutor;
import dev.gememu.model.ContentGenerator;
import dev.gememu.model.InlineCodeResponder;
import dev.gememu.model.ModelCatalog;
import dev.gememu.model.TokenEstimator;
import dev.gememu.model.TurnRunner;
import java.time.Duration;
import dev.gememu.files.FileLimits;
import dev.gememu.files.FileStore;
import dev.gememu.model.InputFiles;
import java.time.Clock;
import java.util.Random;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Request shapes seen in real traffic (gemini-api-reference.md §10): those Google accepts must reach
 * the model, those it refuses get its status and message. Read and validated as the server does, up
 * to the point where code would run; no Python starts.
 */
class RequestShapesTest {
  private static final String RUN = "\"Run this:\\n```python\\nprint(1)\\n```\"";
  private static final String ASK = "{\"role\": \"user\", \"parts\": [{\"text\": " + RUN + "}]}";

  private final ObjectMapper mapper = JsonMapper.create();
  private final ContentGenerator generator = new ContentGenerator(new ModelCatalog(ModelCatalog.DEFAULT_MODELS),
      List.of(new InlineCodeResponder()), new TurnRunner(new NoPython()), new TokenEstimator(), () -> "id",
      new InputFiles(FileStore.inMemory(FileLimits.defaults(), Clock.systemUTC(), new Random(1))));

  @Test
  void acceptsAGemini3HistoryWhosePartHoldsOnlyASignatureInUrlSafeBase64() {
    accepted("gemini-3-flash-preview", """
        {"contents": [{"role": "user", "parts": [{"text": "hi"}]},
                      {"role": "model", "parts": [{"text": "Hello"}, {"thoughtSignature": "CiQB0e2Kb-_x9z4="}]}, %s]}""", ASK);
  }

  @Test
  void acceptsAPartHoldingOnlyVideoMetadataBesideItsVideo() {
    accepted("gemini-2.5-flash", """
        {"contents": [{"parts": [{"inlineData": {"mimeType": "video/mp4", "data": "AAAA"}},
          {"videoMetadata": {"startOffset": "2s", "endOffset": "10s", "fps": 0.2}}, {"text": %s}]}]}""", RUN);
  }

  @Test
  void acceptsIdsOnCodePartsInHistory() {
    accepted("gemini-3.5-flash", """
        {"contents": [{"role": "user", "parts": [{"text": "sum"}]},
          {"role": "model", "parts": [
            {"executableCode": {"language": "PYTHON", "code": "print(1)", "id": "h0mwtrhs"}, "thoughtSignature": "Cg=="},
            {"codeExecutionResult": {"outcome": "OUTCOME_OK", "id": "h0mwtrhs"}},
            {"codeExecutionResult": {"outcome": "OUTCOME_OK", "output": "1\\n", "id": "h0mwtrhs"}}]}, %s],
         "tools": [{"codeExecution": {}}]}""", ASK);
  }

  @Test
  void acceptsIntegerEnumsATopLevelModelAndFloatTopKAsTheOldGoSdkSends() {
    accepted("gemini-2.5-flash", """
        {"model": "models/gemini-2.5-flash", "contents": [%s],
         "safetySettings": [{"category": 10, "threshold": 4}],
         "tools": [{"functionDeclarations": [{"name": "f", "parameters": {"type": 6, "properties": {"x": {"type": 1}}}}]}],
         "generationConfig": {"topK": 50.0, "candidateCount": 1}}""", ASK);
  }

  @Test
  void acceptsSnakeCaseAtAnyDepthIncludingInsideSchemas() {
    accepted("gemini-2.5-flash", """
        {"contents": [{"parts": [{"inline_data": {"mime_type": "text/csv", "data": "YQ=="}}, {"text": %s}]}],
         "system_instruction": {"parts": [{"text": "Be brief."}]},
         "tools": [{"code_execution": {}}, {"function_declarations": [{"name": "f", "parameters_json_schema": {"type": "object"}}]}],
         "tool_config": {"function_calling_config": {"mode": "VALIDATED"}},
         "generation_config": {"response_mime_type": "application/json",
           "response_schema": {"type": "OBJECT", "properties": {"a": {"type": "STRING"}}, "property_ordering": ["a"]},
           "thinking_config": {"include_thoughts": true, "thinking_budget": 128}}}""", RUN);
  }

  @Test
  void acceptsJsonSchemasValidatedModeAndAnEmptyGenerationConfig() {
    accepted("gemini-3.8-flash", """
        {"contents": [%s], "generationConfig": {},
         "tools": [{"functionDeclarations": [{"name": "f", "parametersJsonSchema": {"type": "object", "properties": {}}}]}],
         "toolConfig": {"functionCallingConfig": {"mode": "VALIDATED"}}}""", ASK);
    accepted("gemini-3.8-flash", """
        {"contents": [%s], "generationConfig": {"responseMimeType": "application/json",
          "responseJsonSchema": {"type": "object"}, "thinkingConfig": {"thinkingLevel": "low"}}}""", ASK);
  }

  @Test
  void refusesATemperatureOrTopPOutsideTheirRangeWithGooglesMessage() {
    assertThat(refused("gemini-2.5-flash", "{\"temperature\": 3.0}")).isEqualTo("Unable to submit request because it has"
        + " a temperature value of 3 but the supported range is from 0 (inclusive) to 2.0001 (exclusive). Update the value and try again.");
    assertThat(refused("gemini-2.5-flash", "{\"temperature\": -0.5}")).contains("temperature value of -0.5 but");
    assertThat(refused("gemini-2.5-flash", "{\"topP\": 1.5}")).contains("topP value of 1.5 but the supported range is from 0 (inclusive) to 1.0001 (exclusive)");
    accepted("gemini-2.5-flash", "{\"contents\": [%s], \"generationConfig\": {\"temperature\": 2.0, \"topP\": 1.0}}", ASK);
  }

  @Test
  void refusesMaxOutputTokensAboveTheModelsLimitWithGooglesMessage() {
    assertThat(refused("gemini-2.5-flash", "{\"maxOutputTokens\": 100000}")).isEqualTo("Unable to submit request because it has"
        + " a maxOutputTokens value of 100000 but the supported range is from 1 (inclusive) to 65537 (exclusive). Update the value and try again.");
    assertThat(refused("gemini-2.0-flash", "{\"maxOutputTokens\": 16384}"))
        .contains("maxOutputTokens value of 16384 but the supported range is from 1 (inclusive) to 8193 (exclusive)");
    assertThat(refused("gemini-2.5-flash", "{\"maxOutputTokens\": 0}")).contains("maxOutputTokens value of 0 but");
    accepted("gemini-2.5-flash", "{\"contents\": [%s], \"generationConfig\": {\"maxOutputTokens\": 65536}}", ASK);
  }

  @Test
  void refusesSeveralCandidatesOnGemini3() {
    assertThat(refused("gemini-3.7-flash", "{\"candidateCount\": 2}")).isEqualTo("Multiple candidates is not enabled for models/gemini-3.7-flash");
    accepted("gemini-2.5-flash", "{\"contents\": [%s], \"generationConfig\": {\"candidateCount\": 2}}", ASK);
  }

  @Test
  void refusesATopKAboveTheModelsWithGooglesMessage() {
    assertThat(refused("gemini-2.0-flash", "{\"topK\": 64}")).isEqualTo("Unable to submit request because it has"
        + " a topK value of 64 but the supported range is from 1 (inclusive) to 41 (exclusive). Update the value and try again.");
    assertThat(refused("gemini-2.5-flash", "{\"topK\": 100}")).contains("topK value of 100 but the supported range is from 1 (inclusive) to 65 (exclusive)");
    assertThat(refused("gemini-3.5-flash", "{\"topK\": 0}")).contains("topK value of 0 but");
    accepted("gemini-2.0-flash", "{\"contents\": [%s], \"generationConfig\": {\"topK\": 40}}", ASK);
  }

  @Test
  void refusesMoreThanEightCandidatesOrFiveStopSequences() {
    assertThat(refused("gemini-2.5-flash", "{\"candidateCount\": 9}"))
        .contains("candidateCount value of 9 but the supported range is from 1 (inclusive) to 9 (exclusive)");
    assertThat(refused("gemini-2.5-flash", "{\"stopSequences\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]}"))
        .isEqualTo("Unable to submit request because it has a stopSequences value of 6 but the supported range is from 1"
            + " (inclusive) to 6 (exclusive). Update the value and try again.");
    accepted("gemini-2.5-flash", "{\"contents\": [%s], \"generationConfig\": {\"stopSequences\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}}", ASK);
  }

  @Test
  void refusesPenaltiesOnModelsAfterGemini20WithGooglesMessage() {
    assertThat(refused("gemini-2.5-flash", "{\"presencePenalty\": 0.5}")).isEqualTo("Penalty is not enabled for models/gemini-2.5-flash");
    assertThat(refused("gemini-3-pro-preview", "{\"frequencyPenalty\": -0.5}")).isEqualTo("Penalty is not enabled for models/gemini-3-pro-preview");
    assertThat(refused("gemini-2.0-flash", "{\"frequencyPenalty\": 2.5}"))
        .contains("frequencyPenalty value of 2.5 but the supported range is from -2 (inclusive) to 2 (exclusive)");
    accepted("gemini-2.5-pro", "{\"contents\": [%s], \"generationConfig\": {\"presencePenalty\": 0.0, \"frequencyPenalty\": 0}}", ASK);
    accepted("gemini-2.0-flash", "{\"contents\": [%s], \"generationConfig\": {\"presencePenalty\": -1.5, \"frequencyPenalty\": 1.9}}", ASK);
  }

  @Test
  void refusesLogprobsOnModelsAfterGemini20AndOutsideZeroToTwenty() {
    assertThat(refused("gemini-2.5-pro", "{\"responseLogprobs\": true, \"logprobs\": 3}")).isEqualTo("Logprobs is not enabled for models/gemini-2.5-pro");
    assertThat(refused("gemini-3.5-flash", "{\"responseLogprobs\": true}")).isEqualTo("Logprobs is not enabled for models/gemini-3.5-flash");
    assertThat(refused("gemini-2.0-flash", "{\"responseLogprobs\": true, \"logprobs\": 21}"))
        .contains("logprobs value of 21 but the supported range is from 0 (inclusive) to 21 (exclusive)");
    accepted("gemini-2.0-flash", "{\"contents\": [%s], \"generationConfig\": {\"responseLogprobs\": true, \"logprobs\": 20, \"seed\": -7}}", ASK);
    accepted("gemini-2.5-flash", "{\"contents\": [%s], \"generationConfig\": {\"responseLogprobs\": false}}", ASK);
  }

  @Test
  void refusesThinkingSettingsTheModelDoesNotHaveWithGooglesMessages() {
    assertThat(refused("gemini-2.0-flash", "{\"thinkingConfig\": {\"includeThoughts\": true}}")).isEqualTo("Thinking is not enabled for models/gemini-2.0-flash");
    assertThat(refused("gemini-2.5-flash", "{\"thinkingConfig\": {\"thinkingLevel\": \"LOW\"}}")).isEqualTo("Thinking level is not supported for this model.");
    assertThat(refused("gemini-2.5-pro", "{\"thinkingConfig\": {\"thinkingBudget\": 52428}}")).isEqualTo("The thinking budget (52428) is invalid.");
    assertThat(refused("gemini-2.5-pro", "{\"thinkingConfig\": {\"thinkingBudget\": 0}}")).isEqualTo("Budget 0 is invalid. This model only works in thinking mode.");
    assertThat(refused("gemini-2.5-flash", "{\"thinkingConfig\": {\"thinkingBudget\": 24577}}")).isEqualTo("The thinking budget (24577) is invalid.");
    assertThat(refused("gemini-2.5-flash-lite", "{\"thinkingConfig\": {\"thinkingBudget\": 256}}")).isEqualTo("The thinking budget (256) is invalid.");
    assertThat(refused("gemini-flash-latest", "{\"thinkingConfig\": {\"thinkingBudget\": 4096, \"thinkingLevel\": \"low\"}}"))
        .isEqualTo("You can only set only one of thinking budget and thinking level.");
    accepted("gemini-2.5-flash", "{\"contents\": [%s], \"generationConfig\": {\"thinkingConfig\": {\"thinkingBudget\": 0}}}", ASK);
    accepted("gemini-2.5-pro", "{\"contents\": [%s], \"generationConfig\": {\"thinkingConfig\": {\"thinkingBudget\": -1, \"includeThoughts\": true}}}", ASK);
    accepted("gemini-2.5-flash-lite", "{\"contents\": [%s], \"generationConfig\": {\"thinkingConfig\": {\"thinkingBudget\": 512}}}", ASK);
    accepted("gemini-3-flash-preview", "{\"contents\": [%s], \"generationConfig\": {\"thinkingConfig\": {\"thinkingLevel\": \"MINIMAL\"}}}", ASK);
    accepted("gemini-2.0-flash", "{\"contents\": [%s], \"generationConfig\": {\"thinkingConfig\": {\"thinkingBudget\": 0}}}", ASK);
  }

  @Test
  void refusesANumberOrABooleanWhereAStringBelongsAsGoogleDoes() {
    assertThat(invalid("{\"contents\": [{\"role\": 0.5, \"parts\": [{\"text\": \"hi\"}]}]}"))
        .isEqualTo("Invalid JSON payload received. Invalid value at 'contents[0].role' (TYPE_STRING), 0.5");
    assertThat(invalid("{\"contents\": [" + ASK + "], \"generationConfig\": {\"stopSequences\": [true]}}"))
        .isEqualTo("Invalid JSON payload received. Invalid value at 'generation_config.stop_sequences[0]' (TYPE_STRING), true");
  }

  @Test
  void refusesARoleOtherThanUserOrModelWithGooglesMessage() {
    assertThat(invalid("{\"contents\": [{\"role\": \"assistant\", \"parts\": [{\"text\": \"hi\"}]}, " + ASK + "]}"))
        .isEqualTo("Please use a valid role: user, model.");
    accepted("gemini-2.5-flash", """
        {"contents": [{"parts": [{"text": "hi"}]}, {"role": "model", "parts": [{"text": "Hello"}]}, %s]}""", ASK);
  }

  @Test
  void stillRefusesAPartHoldingNothing() {
    ApiException error = catchThrowableOfType(ApiException.class,
        () -> prepare("gemini-3-flash-preview", "{\"contents\": [{\"parts\": [{\"thought\": true}]}]}"));
    assertThat(error.getMessage()).isEqualTo(
        "* GenerateContentRequest.contents[0].parts[0].data: required oneof field 'data' must have one initialized field\n");
  }

  private String invalid(String body) {
    ApiException error = catchThrowableOfType(ApiException.class, () -> prepare("gemini-2.5-flash", body));
    assertThat(error).as(body).isNotNull();
    return error.getMessage();
  }

  private void accepted(String model, String template, String argument) {
    assertThatCode(() -> prepare(model, template.formatted(argument))).doesNotThrowAnyException();
  }

  private String refused(String model, String generationConfig) {
    ApiException error = catchThrowableOfType(ApiException.class,
        () -> prepare(model, "{\"contents\": [" + ASK + "], \"generationConfig\": " + generationConfig + "}"));
    assertThat(error).as(generationConfig).isNotNull();
    assertThat(error.status().name()).isEqualTo("INVALID_ARGUMENT");
    return error.getMessage();
  }

  /** Reads the body as the server does (unknown fields refused) and prepares the turn without running it. */
  private void prepare(String model, String body) throws Exception {
    UnknownFields unknown = new UnknownFields();
    GenerateContentRequest request;
    try (JsonParser parser = mapper.createParser(body)) {
      try {
        request = mapper.readerFor(GenerateContentRequest.class).withAttribute(UnknownFields.ATTRIBUTE, unknown).readValue(parser);
      } catch (JsonProcessingException malformed) {
        throw ErrorMapper.toApiException(malformed);
      }
    }
    ApiException rejection = unknown.toApiException();
    if (rejection != null) {
      throw rejection;
    }
    generator.prepare(new ModelCall("v1beta", model, ModelCall.Method.GENERATE_CONTENT), request);
  }

  /** Nothing here runs code: preparing a turn decides the reply and stops. */
  private static final class NoPython implements PythonExecutor {
    @Override
    public ExecutionResult execute(ExecutionRequest request) {
      throw new AssertionError("no code runs while a turn is prepared");
    }

    @Override
    public String describe() {
      return "none";
    }

    @Override
    public void close() {}
  }
}
