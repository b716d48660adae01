package dev.gememu.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gememu.api.Framing;
import dev.gememu.server.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns one framing of a {@code GenerateContentResponse} into another the way Google does: a stream
 * assembled into one answer (parts concatenated, text chunks joined, usage and finish reason from
 * the last event) or one answer split into events (one part each, usage on every event, finish
 * reason on the last), written with Google's byte layout for that framing.
 */
final class WireForms {
  private static final ObjectMapper MAPPER = JsonMapper.create();
  private static final ObjectWriter PRETTY = JsonMapper.prettyWriter(MAPPER);
  private static final ObjectWriter EVENT = JsonMapper.eventWriter(MAPPER);
  static final String SSE_SEPARATOR = "\r\n\r\n";
  static final String ARRAY_SEPARATOR = ",\r\n";

  private WireForms() {}

  /** The JSON values of a body or of stream chunks, framing stripped. */
  static List<JsonNode> values(Framing framing, String body, List<String> events) {
    List<JsonNode> values = new ArrayList<>();
    if (!framing.streams()) {
      values.add(read(body));
      return values;
    }
    for (String event : events) {
      String json = framing == Framing.SSE ? ssePayload(event) : arrayElement(event);
      if (!json.isBlank()) {
        JsonNode value = read(json);
        if (value.isArray()) {
          value.forEach(values::add);
        } else {
          values.add(value);
        }
      }
    }
    return values;
  }

  private static String ssePayload(String event) {
    StringBuilder data = new StringBuilder();
    for (String line : event.split("\r\n|\n|\r")) {
      if (line.startsWith("data:")) {
        data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
      }
    }
    return data.length() > 0 ? data.toString() : event.strip();
  }

  /** A chunk of a JSON-array stream: the separator or {@code [}, an element, and at the end {@code ]}. */
  private static String arrayElement(String chunk) {
    String text = chunk.strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      return text; // a whole array in one chunk, e.g. an error
    }
    if (text.startsWith("[") || text.startsWith(",")) {
      text = text.substring(1).strip();
    }
    if (text.endsWith("]") && !text.startsWith("{")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }

  /** One answer from a stream's events, as Google's non-streaming method would have sent it. */
  static JsonNode assemble(List<JsonNode> events) {
    if (events.size() == 1) {
      return events.get(0);
    }
    ArrayNode parts = JsonNodeFactory.instance.arrayNode();
    ObjectNode candidate = JsonNodeFactory.instance.objectNode();
    JsonNode role = null;
    ObjectNode whole = JsonNodeFactory.instance.objectNode();
    for (JsonNode event : events) {
      JsonNode first = event.path("candidates").path(0);
      for (JsonNode part : first.path("content").path("parts")) {
        append(parts, part);
      }
      if (first.path("content").has("role")) {
        role = first.path("content").get("role");
      }
      first.fields().forEachRemaining(field -> {
        if (!field.getKey().equals("content")) {
          candidate.set(field.getKey(), field.getValue());
        }
      });
      event.fields().forEachRemaining(field -> {
        if (!field.getKey().equals("candidates") && (!whole.has(field.getKey()) || field.getKey().equals("usageMetadata"))) {
          whole.set(field.getKey(), field.getValue());
        }
      });
    }
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    content.set("parts", parts);
    if (role != null) {
      content.set("role", role);
    }
    ObjectNode assembled = JsonNodeFactory.instance.objectNode();
    ObjectNode fullCandidate = assembled.putArray("candidates").addObject();
    fullCandidate.set("content", content);
    // Google's field order: content, finishReason, then the rest (index, safety ratings, …).
    if (candidate.has("finishReason")) {
      fullCandidate.set("finishReason", candidate.get("finishReason"));
    }
    candidate.fields().forEachRemaining(field -> fullCandidate.set(field.getKey(), field.getValue()));
    whole.fields().forEachRemaining(field -> assembled.set(field.getKey(), field.getValue()));
    return assembled;
  }

  /** Joins a text chunk onto the text before it, as the non-streaming answer has it; a trailing signature moves along. */
  private static void append(ArrayNode parts, JsonNode part) {
    if (parts.size() > 0 && isText(part) && isText(parts.get(parts.size() - 1))) {
      ObjectNode previous = (ObjectNode) parts.get(parts.size() - 1);
      boolean sameKind = previous.path("thought").asBoolean(false) == part.path("thought").asBoolean(false);
      if (sameKind && !previous.has("thoughtSignature")) {
        previous.put("text", previous.get("text").asText() + part.get("text").asText());
        if (part.has("thoughtSignature")) {
          previous.set("thoughtSignature", part.get("thoughtSignature"));
        }
        return;
      }
    }
    parts.add(part.deepCopy());
  }

  private static boolean isText(JsonNode part) {
    Iterator<String> names = part.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!List.of("text", "thought", "thoughtSignature").contains(name)) {
        return false;
      }
    }
    return part.has("text");
  }

  /** Events for one answer: one part each, usage and ids on every event, the finish reason on the last. */
  static List<JsonNode> split(JsonNode whole) {
    JsonNode candidate = whole.path("candidates").path(0);
    JsonNode parts = candidate.path("content").path("parts");
    if (parts.size() <= 1) {
      return List.of(whole);
    }
    List<JsonNode> events = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      ObjectNode event = JsonNodeFactory.instance.objectNode();
      ObjectNode piece = event.putArray("candidates").addObject();
      ObjectNode content = piece.putObject("content");
      content.putArray("parts").add(parts.get(i));
      if (candidate.path("content").has("role")) {
        content.set("role", candidate.path("content").get("role"));
      }
      for (Map.Entry<String, JsonNode> field : iterable(candidate)) {
        if (!field.getKey().equals("content") && (last || field.getKey().equals("index"))) {
          piece.set(field.getKey(), field.getValue());
        }
      }
      for (Map.Entry<String, JsonNode> field : iterable(whole)) {
        if (!field.getKey().equals("candidates")) {
          event.set(field.getKey(), field.getValue());
        }
      }
      events.add(event);
    }
    return events;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  static String pretty(JsonNode value) {
    return write(PRETTY, value) + "\n";
  }

  static String sseEvent(JsonNode value) {
    return "data: " + write(EVENT, value) + SSE_SEPARATOR;
  }

  /** The chunks of a JSON-array stream: {@code [} before the first element, {@code ,\r\n} before the others, then {@code ]}. */
  static List<String> arrayChunks(List<JsonNode> values) {
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      chunks.add((i == 0 ? "[" : ARRAY_SEPARATOR) + write(PRETTY, values.get(i)));
    }
    chunks.add(values.isEmpty() ? "[]" : "]");
    return chunks;
  }

  /**
   * The last chunks of a stream that ends in an error, as Google ends one: the error envelope as an
   * SSE event, or as the next element of a JSON array and then its {@code ]}.
   */
  static List<String> inBandError(Framing framing, dev.gememu.api.ApiException error) {
    JsonNode envelope = MAPPER.valueToTree(error.toEnvelope());
    return framing == Framing.SSE ? List.of(sseEvent(envelope)) : List.of(ARRAY_SEPARATOR + write(PRETTY, envelope), "]");
  }

  /** A JSON object as plain Java maps and lists, e.g. a function call's arguments. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(JsonNode object) {
    return MAPPER.convertValue(object, Map.class);
  }

  static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the recorded answer is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(ObjectWriter writer, JsonNode value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
