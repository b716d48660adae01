package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.Gememu;
import dev.gememu.config.ServerConfig;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every error gememu can produce comes in Google's envelope with Google's status and wording. */
class ErrorEnvelopeIT {
  private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
  private static final String COUNT = "/v1beta/models/gemini-2.5-flash:countTokens";
  @RegisterExtension
  static final RunningGememu server = RunningGememu.withDefaults();

  @Test
  void unknownTopLevelFieldIsNamedWithoutAPath() {
    JsonNode error = errorOf(server.http().post(GENERATE, "{\"contents\": [{\"parts\": [{\"text\": \"hi\"}]}], \"foo\": 1}"), 400);

    assertThat(error).isEqualTo(RawHttp.tree("""
        {"code": 400, "status": "INVALID_ARGUMENT",
         "message": "Invalid JSON payload received. Unknown name \\"foo\\": Cannot find field.",
         "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [
           {"description": "Invalid JSON payload received. Unknown name \\"foo\\": Cannot find field."}]}]}"""));
  }

  @Test
  void everyUnknownNestedFieldIsListedWithItsProtoPath() {
    JsonNode error = errorOf(server.http().post(GENERATE, """
        {"contents": [{"parts": [{"text": "hi", "colour": "red"}]}],
         "generationConfig": {"temprature": 0.5, "thinkingConfig": {"budget": {"x": 1}}}}"""), 400);

    // Google's order for several unknown fields is not documented; gememu reports nested ones first.
    assertThat(error.get("message").asText().split("\n")).containsExactlyInAnyOrder(
        "Invalid JSON payload received. Unknown name \"colour\" at 'contents[0].parts[0]': Cannot find field.",
        "Invalid JSON payload received. Unknown name \"temprature\" at 'generation_config': Cannot find field.",
        "Invalid JSON payload received. Unknown name \"budget\" at 'generation_config.thinking_config': Cannot find field.");
    assertThat(error.at("/details/0/fieldViolations")).extracting(v -> v.path("field").asText())
        .containsExactlyInAnyOrder("contents[0].parts[0]", "generation_config", "generation_config.thinking_config");
  }

  @Test
  void wrongEnumValueNamesTheProtoEnum() {
    JsonNode error = errorOf(server.http().post(GENERATE, """
        {"contents": [{"role": "model", "parts": [{"executableCode": {"language": "RUBY", "code": "p 1"}}]}]}"""), 400);

    assertThat(error.get("message").asText()).isEqualTo("Invalid JSON payload received. Invalid value at "
        + "'contents[0].parts[0].executable_code.language' "
        + "(type.googleapis.com/google.ai.generativelanguage.v1beta.ExecutableCode.Language), \"RUBY\"");
  }

  @Test
  void wrongTypeIsInvalidArgument() {
    JsonNode error = errorOf(server.http().post(GENERATE, "{\"contents\": [{\"parts\": [{\"text\": 5}]}]}"), 400);

    assertThat(error.get("message").asText())
        .isEqualTo("Invalid JSON payload received. Invalid value at 'contents[0].parts[0].text' (TYPE_STRING), 5");
  }

  @Test
  void nullsAndWrongShapesNameTheFieldWithoutJavaInternals() {
    assertThat(errorOf(server.http().post(GENERATE, "{\"contents\": [null]}"), 400).get("message").asText()).isEqualTo(
        "Invalid JSON payload received. Invalid value at 'contents[0]' "
            + "(type.googleapis.com/google.ai.generativelanguage.v1beta.Content), null");
    // One value for a repeated field is a list of one, as Google's own curl example on its code execution page sends.
    assertThat(errorOf(server.http().post(GENERATE, "{\"contents\": {\"parts\": []}}"), 400).get("message").asText())
        .isEqualTo("* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.\n");
    assertThat(errorOf(server.http().post(GENERATE, "{\"contents\": [{\"parts\": [{\"text\": \"x\"}]}],"
        + " \"generationConfig\": {\"temperature\": \"hot\"}}"), 400).get("message").asText())
        .isEqualTo("Invalid JSON payload received. Invalid value at 'generation_config.temperature' (TYPE_DOUBLE), \"hot\"");
    assertThat(errorOf(server.http().post(GENERATE, "null"), 400).get("message").asText())
        .isEqualTo("* GenerateContentRequest.contents: contents is not specified\n");
    assertThat(errorOf(server.http().post(GENERATE, "[]"), 400).get("message").asText()).doesNotContain("dev.gememu", "java.");
  }

  @Test
  void malformedJsonIsInvalidArgument() {
    JsonNode error = errorOf(server.http().post(GENERATE, "{\"contents\": [{"), 400);

    assertThat(error.get("message").asText()).startsWith("Invalid JSON payload received.")
        .doesNotContain("dev.gememu", "java.");
    assertThat(errorOf(server.http().post(GENERATE, "{\"contents\": [{\"par"), 400).get("message").asText())
        .startsWith("Invalid JSON payload received. Unexpected end of input");
  }

  @Test
  void missingContentsUsesGooglesWording() {
    assertThat(errorOf(server.http().post(GENERATE, "{}"), 400).get("message").asText())
        .isEqualTo("* GenerateContentRequest.contents: contents is not specified\n");
    assertThat(errorOf(server.http().post(GENERATE, ""), 400).get("message").asText())
        .isEqualTo("* GenerateContentRequest.contents: contents is not specified\n");
  }

  @Test
  void emptyPartsAndEmptyPartUseGooglesWording() {
    JsonNode error = errorOf(server.http().post(GENERATE, """
        {"contents": [{"parts": [{"text": "hi"}]}, {"role": "model", "parts": []}, {"parts": [{}]}]}"""), 400);

    assertThat(error.get("message").asText()).isEqualTo(
        "* GenerateContentRequest.contents[1].parts: contents.parts must not be empty.\n"
            + "* GenerateContentRequest.contents[2].parts[0].data: required oneof field 'data' must have one initialized field\n");
  }

  @Test
  void unknownModelUsesGooglesWording() {
    JsonNode error = errorOf(server.http().post("/v1beta/models/gemini-9:generateContent",
        "{\"contents\": [{\"parts\": [{\"text\": \"hi\"}]}]}"), 404);

    assertThat(error.get("message").asText()).isEqualTo("models/gemini-9 is not found for API version v1beta, or is not "
        + "supported for generateContent. Call ListModels to see the list of available models and their supported methods.");
    assertThat(error.get("status").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void unknownRoutesAndMethodsAreEnvelopesNotHtml() {
    errorOf(server.http().get("/v1beta/nothing/here"), 404);
    errorOf(server.http().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + GENERATE))
        .header("x-goog-api-key", "k").DELETE()), 404);
    errorOf(server.http().post("/v1beta/models/gemini-2.5-flash:explode", "{}"), 404);
  }

  @Test
  void oversizedBodyGetsGooglesLimitMessage() {
    String huge = "{\"contents\": [{\"parts\": [{\"text\": \"" + "x".repeat(21 * 1024 * 1024) + "\"}]}]}";
    JsonNode error = errorOf(server.http().post(GENERATE, huge), 400);

    assertThat(error.get("message").asText()).isEqualTo("Request payload size exceeds the limit: 20971520 bytes.");
  }

  @Test
  void lenientModeAcceptsUnknownFields() {
    ServerConfig config = ServerConfig.defaults().withPort(0);
    try (Gememu lenient = Gememu.start(config.withHttp(new ServerSettings(Set.of(), true))
        .withLimits(config.limits().withWarmContexts(0)))) {
      HttpResponse<String> response = new RawHttp(lenient.baseUrl("127.0.0.1"))
          .post("/v1beta/models/gemini-2.5-flash:countTokens", "{\"contents\": [{\"parts\": [{\"text\": \"hi\"}]}], \"x\": 1}");
      assertThat(response.statusCode()).isEqualTo(200);
      new RawHttp(lenient.baseUrl("127.0.0.1")).post(GENERATE, """
          {"contents": [{"parts": [{"text": "Run:\\n```python\\nprint(1)\\n```"}]}],
           "generationConfig": {"temprature": 0.5}}""");
      JsonNode journal = new dev.gememu.testing.Admin(lenient.baseUrl("127.0.0.1")).journal();
      // The journal lists every exchange, oldest first: the countTokens call, then the generation.
      assertThat(journal.at("/1/ignoredFields").toString()).isEqualTo("[\"generation_config.temprature\"]");
    }
  }

  @Test
  void wrongEnumValuesAnywhereNameTheirProtoEnum() {
    assertThat(invalidValue("\"safetySettings\": [{\"category\": \"HARM_CATEGORY_RUDENESS\", \"threshold\": \"BLOCK_NONE\"}]"))
        .isEqualTo("Invalid value at 'safety_settings[0].category' "
            + "(type.googleapis.com/google.ai.generativelanguage.v1beta.HarmCategory), \"HARM_CATEGORY_RUDENESS\"");
    assertThat(invalidValue("\"safetySettings\": [{\"category\": \"HARM_CATEGORY_HATE_SPEECH\", \"threshold\": \"BLOCK_SOME\"}]"))
        .isEqualTo("Invalid value at 'safety_settings[0].threshold' "
            + "(type.googleapis.com/google.ai.generativelanguage.v1beta.SafetySetting.HarmBlockThreshold), \"BLOCK_SOME\"");
    assertThat(invalidValue("\"generationConfig\": {\"responseModalities\": [\"TEXT\", \"SMELL\"]}"))
        .isEqualTo("Invalid value at 'generation_config.response_modalities[1]' "
            + "(type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig.Modality), \"SMELL\"");
    assertThat(invalidValue("\"generationConfig\": {\"thinkingConfig\": {\"thinkingLevel\": \"EXTREME\"}}"))
        .isEqualTo("Invalid value at 'generation_config.thinking_config.thinking_level' "
            + "(type.googleapis.com/google.ai.generativelanguage.v1beta.ThinkingConfig.ThinkingLevel), \"EXTREME\"");
    assertThat(invalidValue("\"generationConfig\": {\"mediaResolution\": \"HUGE\"}"))
        .isEqualTo("Invalid value at 'generation_config.media_resolution' "
            + "(type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig.MediaResolution), \"HUGE\"");
    assertThat(invalidValue("\"toolConfig\": {\"functionCallingConfig\": {\"mode\": \"SOMETIMES\"}}"))
        .isEqualTo("Invalid value at 'tool_config.function_calling_config.mode' "
            + "(type.googleapis.com/google.ai.generativelanguage.v1beta.FunctionCallingConfig.Mode), \"SOMETIMES\"");
  }

  @Test
  void enumNamesAreTakenInAnyCase() {
    // thinkingLevel exists from Gemini 3 on; Google refuses it on gemini-2.5-flash.
    HttpResponse<String> response = server.http().post("/v1beta/models/gemini-3-flash-preview:generateContent", withHello(
        "\"generationConfig\": {\"responseModalities\": [\"Text\"], \"thinkingConfig\": {\"thinkingLevel\": \"low\"}}"));
    assertThat(response.statusCode()).as(response.body()).isNotEqualTo(400);
  }

  @Test
  void int32FieldsTakeWholeNumbersOnly() {
    assertThat(invalidValue("\"generationConfig\": {\"topK\": 1.5}"))
        .isEqualTo("Invalid value at 'generation_config.top_k' (TYPE_INT32), 1.5");
    assertThat(invalidValue("\"generationConfig\": {\"maxOutputTokens\": \"many\"}"))
        .isEqualTo("Invalid value at 'generation_config.max_output_tokens' (TYPE_INT32), \"many\"");
    // The Java SDK sends topK as a float; proto JSON takes integral numbers and numeric strings.
    assertThat(server.http().post(COUNT, "{\"contents\": [{\"parts\": [{\"text\": \"hi\"}]}]}").statusCode()).isEqualTo(200);
    assertThat(server.http().post(GENERATE, withHello("\"generationConfig\": {\"topK\": 40.0, \"maxOutputTokens\": \"100\"}"))
        .statusCode()).isNotEqualTo(400);
  }

  @Test
  void unknownFieldsInsideToolsAndSettingsAreRejected() {
    JsonNode error = errorOf(server.http().post(GENERATE, withHello("""
        "tools": [{"functionDeclarations": [{"name": "f", "parameterz": {}}]}, {"googleSearch": {"safe": true}}],
        "toolConfig": {"functionCallingConfig": {"mode": "AUTO", "only": ["f"]}},
        "generationConfig": {"speechConfig": {"voice": "Kore"}}""")), 400);

    assertThat(error.get("message").asText().split("\n")).containsExactlyInAnyOrder(
        "Invalid JSON payload received. Unknown name \"parameterz\" at 'tools[0].function_declarations[0]': Cannot find field.",
        "Invalid JSON payload received. Unknown name \"safe\" at 'tools[1].google_search': Cannot find field.",
        "Invalid JSON payload received. Unknown name \"only\" at 'tool_config.function_calling_config': Cannot find field.",
        "Invalid JSON payload received. Unknown name \"voice\" at 'generation_config.speech_config': Cannot find field.");
    assertThat(errorOf(server.http().post(GENERATE, """
        {"contents": [{"parts": [{"fileData": {"fileUri": "https://x/v.mp4", "mimeType": "video/mp4"},
          "videoMetadata": {"start": "1s"}}]}]}"""), 400).get("message").asText())
        .isEqualTo("Invalid JSON payload received. Unknown name \"start\" at 'contents[0].parts[0].video_metadata': Cannot find field.");
  }

  @Test
  void badPageSizeIsInvalidArgument() {
    assertThat(errorOf(server.http().get("/v1beta/models?pageSize=abc"), 400).get("message").asText())
        .isEqualTo("Invalid value at 'page_size' (TYPE_INT32), \"abc\"");
  }

  @Test
  void fixtureFaultsUseGooglesStatusesAndWording() {
    for (String status : new String[] {"RESOURCE_EXHAUSTED", "INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED",
        "FAILED_PRECONDITION", "INVALID_ARGUMENT"}) {
      assertThat(server.admin().add("name: fault-" + status + "\nmatch: {lastUserText: {equals: \"fault " + status
          + "\"}}\nerror: {status: " + status + "}\n", "application/yaml").statusCode()).isEqualTo(201);
    }

    JsonNode quota = errorOf(fault("RESOURCE_EXHAUSTED"), 429);
    assertThat(quota.get("message").asText()).isEqualTo("You exceeded your current quota, please check your plan and billing"
        + " details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.");
    assertThat(quota.get("details")).extracting(d -> d.get("@type").asText()).containsExactly(
        "type.googleapis.com/google.rpc.QuotaFailure", "type.googleapis.com/google.rpc.Help",
        "type.googleapis.com/google.rpc.RetryInfo");
    assertThat(quota.at("/details/2/retryDelay").asText()).isEqualTo("59s");
    assertThat(errorOf(fault("INTERNAL"), 500).get("message").asText()).isEqualTo("An internal error has occurred."
        + " Please retry or report in https://developers.generativeai.google/guide/troubleshooting");
    assertThat(errorOf(fault("UNAVAILABLE"), 503).get("message").asText())
        .isEqualTo("The model is overloaded. Please try again later.");
    assertThat(errorOf(fault("DEADLINE_EXCEEDED"), 504).get("message").asText())
        .isEqualTo("Deadline expired before operation could complete.");
    assertThat(errorOf(fault("FAILED_PRECONDITION"), 400, "FAILED_PRECONDITION").get("message").asText())
        .isEqualTo("Gemini API free tier is not available in your country. Please enable billing on your project in"
            + " Google AI Studio.");
    assertThat(errorOf(fault("INVALID_ARGUMENT"), 400).get("message").asText())
        .isEqualTo("Request contains an invalid argument.");
  }

  @Test
  void jettyLevelErrorsCarryTheStatusTheyAreSentWith() {
    HttpResponse<String> response = server.http().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + GENERATE))
        .header("x-goog-api-key", "k").header("x-huge", "h".repeat(20_000))
        .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(431);
    JsonNode error = RawHttp.tree(response.body()).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(431);
    assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
  }

  private static HttpResponse<String> fault(String status) {
    return server.http().post(GENERATE, "{\"contents\": [{\"parts\": [{\"text\": \"fault " + status + "\"}]}]}");
  }

  private static String withHello(String fields) {
    return "{\"contents\": [{\"parts\": [{\"text\": \"hello\"}]}], " + fields + "}";
  }

  /** The message of the 400 for a generateContent body with these extra fields, without its fixed prefix. */
  private static String invalidValue(String fields) {
    String message = errorOf(server.http().post(GENERATE, withHello(fields)), 400).get("message").asText();
    assertThat(message).startsWith("Invalid JSON payload received. ");
    return message.substring("Invalid JSON payload received. ".length());
  }

  private static JsonNode errorOf(HttpResponse<String> response, int status) {
    return errorOf(response, status, CANONICAL_STATUS.get(status));
  }

  private static JsonNode errorOf(HttpResponse<String> response, int status, String statusName) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    JsonNode body = RawHttp.tree(response.body());
    assertThat(body.at("/error/code").asInt()).isEqualTo(status);
    assertThat(body.at("/error/status").asText()).isEqualTo(statusName);
    return body.get("error");
  }

  private static final Map<Integer, String> CANONICAL_STATUS = Map.of(400, "INVALID_ARGUMENT", 403, "PERMISSION_DENIED",
      404, "NOT_FOUND", 429, "RESOURCE_EXHAUSTED", 500, "INTERNAL", 503, "UNAVAILABLE", 504, "DEADLINE_EXCEEDED");
}
