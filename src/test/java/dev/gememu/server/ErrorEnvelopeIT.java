package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.Gememu;
import dev.gememu.cli.ServerConfig;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every error gememu can produce comes in Google's envelope with Google's status and wording. */
class ErrorEnvelopeIT {
  private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
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
    assertThat(errorOf(server.http().post(GENERATE, "{\"contents\": {\"parts\": []}}"), 400).get("message").asText())
        .isEqualTo("Invalid JSON payload received. Invalid value at 'contents' (TYPE_MESSAGE (repeated)): expected a list.");
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
    }
  }

  private static JsonNode errorOf(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    JsonNode body = RawHttp.tree(response.body());
    assertThat(body.at("/error/code").asInt()).isEqualTo(status);
    return body.get("error");
  }
}
