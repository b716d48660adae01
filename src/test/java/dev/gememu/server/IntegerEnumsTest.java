package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code $alt=json;enum-encoding=int}, as the generated REST clients send it: enum values of the answer
 * come as their proto numbers, streamed or not; without it, as names. A real server, a fake executor.
 */
class IntegerEnumsTest {
  private static final String ASK = """
      {"contents": [{"role": "user", "parts": [{"text": "Run this:\\n```python\\nprint(1)\\n```"}]}],
       "tools": [{"codeExecution": {}}]}""";
  private static final String INT_ENUMS = "$alt=json;enum-encoding=int";
  @RegisterExtension
  static final RunningGememu server = RunningGememu.withFakeExecutor();

  @Test
  void aGenerateContentAnswerCarriesEnumNumbersWhenAsked() {
    JsonNode answer = ok(server.http().post("/v1beta/models/gemini-2.5-flash:generateContent?" + INT_ENUMS, ASK));

    JsonNode parts = answer.at("/candidates/0/content/parts");
    assertThat(codePart(parts).at("/executableCode/language")).isEqualTo(RawHttp.tree("1"));
    assertThat(resultPart(parts).at("/codeExecutionResult/outcome")).isEqualTo(RawHttp.tree("1"));
    assertThat(answer.at("/candidates/0/finishReason")).isEqualTo(RawHttp.tree("1"));
    assertThat(answer.at("/usageMetadata/promptTokensDetails/0/modality")).isEqualTo(RawHttp.tree("1"));
    assertThat(answer.at("/candidates/0/content/role").asText()).isEqualTo("model");
  }

  @Test
  void thePercentEncodedParameterAsTheGeneratedClientsSendItIsUnderstoodToo() {
    JsonNode answer = ok(server.http().post("/v1beta/models/gemini-2.5-flash:generateContent?%24alt=json%3Benum-encoding%3Dint", ASK));

    assertThat(answer.at("/candidates/0/finishReason").isInt()).isTrue();
  }

  @Test
  void aStreamedAnswerCarriesNumbersInEveryEvent() {
    HttpResponse<String> response = server.http().post("/v1beta/models/gemini-3-flash-preview:streamGenerateContent?" + INT_ENUMS, ASK);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode events = RawHttp.tree(response.body());
    assertThat(events.isArray()).isTrue();
    List<JsonNode> enums = new ArrayList<>();
    events.forEach(event -> collectEnums(event, enums));
    assertThat(enums).isNotEmpty().allMatch(JsonNode::isInt);
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.at("/candidates/0/finishReason").asInt()).isEqualTo(1);
  }

  @Test
  void theSameAnswerCarriesNamesWithoutTheParameter() {
    JsonNode answer = ok(server.http().post("/v1beta/models/gemini-2.5-flash:generateContent", ASK));

    JsonNode parts = answer.at("/candidates/0/content/parts");
    assertThat(codePart(parts).at("/executableCode/language").asText()).isEqualTo("PYTHON");
    assertThat(resultPart(parts).at("/codeExecutionResult/outcome").asText()).isEqualTo("OUTCOME_OK");
    assertThat(answer.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    assertThat(answer.at("/usageMetadata/promptTokensDetails/0/modality").asText()).isEqualTo("TEXT");
  }

  @Test
  void countTokensCarriesTheModalityNumberWhenAsked() {
    JsonNode answer = ok(server.http().post("/v1beta/models/gemini-2.5-flash:countTokens?" + INT_ENUMS, ASK.replace(
        ",\n \"tools\": [{\"codeExecution\": {}}]", "")));

    assertThat(answer.at("/promptTokensDetails/0/modality")).isEqualTo(RawHttp.tree("1"));
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return RawHttp.tree(response.body());
  }

  private static JsonNode codePart(JsonNode parts) {
    for (JsonNode part : parts) {
      if (part.has("executableCode")) {
        return part;
      }
    }
    throw new AssertionError("no executableCode part in " + parts);
  }

  private static JsonNode resultPart(JsonNode parts) {
    for (JsonNode part : parts) {
      if (part.has("codeExecutionResult")) {
        return part;
      }
    }
    throw new AssertionError("no codeExecutionResult part in " + parts);
  }

  /** Every value of a field that holds an enum in Google's response schema. */
  private static void collectEnums(JsonNode node, List<JsonNode> found) {
    node.fields().forEachRemaining(field -> {
      if (List.of("finishReason", "language", "outcome", "modality").contains(field.getKey())) {
        found.add(field.getValue());
      } else if (field.getValue().isContainerNode()) {
        collectEnums(field.getValue(), found);
      }
    });
    if (node.isArray()) {
      node.forEach(element -> collectEnums(element, found));
    }
  }
}
