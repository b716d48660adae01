package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gememu.api.Status;
import dev.gememu.testing.RunningGememu;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many mutated generateContent bodies (wrong types, numbers out of range, unknown enum values, wrong
 * nesting, huge and empty arrays, nulls, broken JSON), from a fixed seed: every answer is a 200 or
 * Google's 4xx envelope, never a 5xx nor a body that is not JSON. A real server, a fake executor.
 */
class BadInputFuzzTest {
  private static final long SEED = 20261203L;
  private static final int MUTANTS_PER_BODY = 150;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> STATUSES =
      Arrays.stream(Status.values()).map(Status::name).collect(Collectors.toSet());
  private static final List<String> PATHS = List.of(
      "/v1beta/models/gemini-2.5-flash:generateContent",
      "/v1beta/models/gemini-3-flash-preview:generateContent",
      "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse",
      "/v1beta/models/gemini-2.5-pro:streamGenerateContent",
      "/v1beta/models/gemini-2.5-flash:countTokens",
      "/v1beta/models/gemini-3.5-flash:streamGenerateContent?$alt=json;enum-encoding=int");

  /** Valid bodies, between them holding every kind of field the SDKs send. */
  private static final List<String> SEEDS = List.of("""
      {"contents": [{"role": "user", "parts": [{"text": "Run this:\\n```python\\nprint(1)\\n```"}]}],
       "tools": [{"codeExecution": {}}],
       "systemInstruction": {"parts": [{"text": "Be brief."}]},
       "safetySettings": [{"category": "HARM_CATEGORY_HATE_SPEECH", "threshold": "BLOCK_NONE"}],
       "generationConfig": {"temperature": 0.5, "topP": 0.9, "topK": 40, "candidateCount": 1, "maxOutputTokens": 1024,
         "stopSequences": ["END"], "seed": 7, "responseMimeType": "text/plain", "responseModalities": ["TEXT"],
         "thinkingConfig": {"includeThoughts": true, "thinkingBudget": 1024}}}""", """
      {"contents": [
        {"role": "user", "parts": [{"text": "sum"}, {"inlineData": {"mimeType": "text/csv", "data": "YSxiCjEsMgo="}}]},
        {"role": "model", "parts": [
          {"executableCode": {"language": "PYTHON", "code": "print(1)", "id": "h0mwtrhs"}, "thoughtSignature": "Cg=="},
          {"codeExecutionResult": {"outcome": "OUTCOME_OK", "output": "1\\n", "id": "h0mwtrhs"}},
          {"text": "It prints 1.", "thought": false}, {"thoughtSignature": "CiQB0e2Kb-_x9z4="}]},
        {"role": "user", "parts": [{"text": "Run this:\\n```python\\nprint(2)\\n```"}]}],
       "tools": [{"codeExecution": {}}, {"functionDeclarations": [{"name": "f", "description": "adds",
         "parameters": {"type": "OBJECT", "properties": {"x": {"type": "INTEGER"}}, "required": ["x"]}}]}],
       "toolConfig": {"functionCallingConfig": {"mode": "AUTO", "allowedFunctionNames": ["f"]}}}""");

  @RegisterExtension
  static final RunningGememu server = RunningGememu.withFakeExecutor();

  @Test
  void everyMutatedBodyGetsA200OrGooglesClientErrorEnvelope() throws Exception {
    Random random = new Random(SEED);
    Map<String, Integer> answers = new TreeMap<>();
    for (String seed : SEEDS) {
      JsonNode original = JSON.readTree(seed);
      for (int i = 0; i < MUTANTS_PER_BODY; i++) {
        JsonNode mutant = original.deepCopy();
        String mutation = mutate(mutant, random);
        String path = PATHS.get(random.nextInt(PATHS.size()));
        answers.merge(check(path, JSON.writeValueAsString(mutant), mutation), 1, Integer::sum);
      }
    }
    assertThat(answers.keySet()).as("statuses seen").contains("200", "400");
  }

  @Test
  void bodiesThatAreNotAGenerateContentRequestGetGooglesClientErrorEnvelope() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String deepObject = "{\"contents\": " + "{\"parts\": ".repeat(3000) + "1" + "}".repeat(3000) + "}";
    List<String> bodies = List.of("", " ", "null", "[]", "1", "\"x\"", "{", "{\"contents\": [", "{\"contents\": []}}",
        "{'contents': 1}", "{\"contents\": NaN}", deep, deepObject, "\u0000\u0001\u00ff", "{\"contents\": \"\\ud800\"}",
        "{\"contents\": [{\"parts\": [{\"text\": \"a\"}]}], \"contents\": []}");
    for (String body : bodies) {
      for (String path : PATHS) {
        check(path, body, "body " + abbreviate(body));
      }
    }
  }

  /** Sends the body and asserts the answer's shape; returns its status. */
  private static String check(String path, String body, String mutation) {
    HttpResponse<String> response = server.http().post(path, body);
    int status = response.statusCode();
    String what = mutation + " on " + path + " -> " + status + " " + abbreviate(response.body());
    assertThat(status).as(what).isIn(200, 400, 401, 403, 404, 413, 429);
    if (status == 200) {
      if (!path.contains("alt=sse")) {
        assertThat(parse(response.body(), what)).as(what).isNotNull();
      }
      return "200";
    }
    JsonNode envelope = parse(response.body(), what);
    JsonNode error = envelope.isArray() ? envelope.get(0).get("error") : envelope.get("error");
    assertThat(error).as(what).isNotNull();
    assertThat(error.get("code").asInt()).as(what).isEqualTo(status);
    assertThat(error.get("message").asText()).as(what).isNotBlank();
    assertThat(error.get("status").asText()).as(what).isIn(STATUSES);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
    return Integer.toString(status);
  }

  private static JsonNode parse(String body, String what) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      throw new AssertionError("not JSON: " + what, notJson);
    }
  }

  /** Applies one mutation at a random place of the tree; says which, for failure messages. */
  private static String mutate(JsonNode root, Random random) {
    List<Place> places = new ArrayList<>();
    collect(root, "", places);
    Place place = places.get(random.nextInt(places.size()));
    Replacement replacement = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
    JsonNode current = place.get();
    place.set(replacement.apply(current, random));
    return replacement.name() + " at " + place.pointer();
  }

  private record Replacement(String name, Function<Random, JsonNode> value, boolean wrapsCurrent) {
    JsonNode apply(JsonNode current, Random random) {
      if (!wrapsCurrent) {
        return value.apply(random);
      }
      return name.equals("wrapInArray") ? NODES.arrayNode().add(current)
          : current != null && current.isArray() && current.size() > 0 ? current.get(0) : NODES.objectNode().set("v", current);
    }
  }

  private static final List<Replacement> REPLACEMENTS = List.of(
      new Replacement("null", r -> NODES.nullNode(), false),
      new Replacement("string", r -> NODES.textNode(List.of("x", "", "PYTHON", "OUTCOME_BOGUS", "1e999", "-1", "models/x").get(r.nextInt(7))), false),
      new Replacement("hugeString", r -> NODES.textNode("y".repeat(200_000)), false),
      new Replacement("int", r -> NODES.numberNode(List.of(0, -1, 1, 2, 7, 99, 999, Integer.MAX_VALUE, Integer.MIN_VALUE).get(r.nextInt(9))), false),
      new Replacement("long", r -> NODES.numberNode(Long.MAX_VALUE), false),
      new Replacement("bigNumber", r -> NODES.numberNode(new java.math.BigDecimal("1e400")), false),
      new Replacement("fraction", r -> NODES.numberNode(List.of(0.5, -0.5, 1.5, 2.5, 1e-300, 65536.5).get(r.nextInt(6))), false),
      new Replacement("bool", r -> NODES.booleanNode(r.nextBoolean()), false),
      new Replacement("emptyArray", r -> NODES.arrayNode(), false),
      new Replacement("emptyObject", r -> NODES.objectNode(), false),
      new Replacement("hugeArray", r -> hugeArray(r), false),
      new Replacement("unknownField", r -> NODES.objectNode().put("bogusField", 1), false),
      new Replacement("wrapInArray", r -> null, true),
      new Replacement("unwrap", r -> null, true));

  private static ArrayNode hugeArray(Random random) {
    ArrayNode array = NODES.arrayNode();
    JsonNode element = random.nextBoolean() ? NODES.textNode("z")
        : NODES.objectNode().set("parts", NODES.arrayNode().add(NODES.objectNode().put("text", "z")));
    for (int i = 0; i < 20_000; i++) {
      array.add(element);
    }
    return array;
  }

  /** A value in the tree that a mutation can replace. */
  private record Place(String pointer, JsonNode parent, String field, int index) {
    JsonNode get() {
      return field != null ? parent.get(field) : parent.get(index);
    }

    void set(JsonNode value) {
      if (field != null) {
        ((ObjectNode) parent).set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  private static void collect(JsonNode node, String pointer, List<Place> places) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        String at = pointer + "/" + field.getKey();
        places.add(new Place(at, node, field.getKey(), -1));
        collect(field.getValue(), at, places);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        places.add(new Place(pointer + "/" + i, node, null, i));
        collect(node.get(i), pointer + "/" + i, places);
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
