package dev.gememu.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import dev.gememu.api.ApiException;
import dev.gememu.api.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every unknown field of one request body instead of failing on the first, so the 400
 * lists them all as Google does. Attach a fresh instance per read as a reader attribute.
 */
final class UnknownFields {
  static final String ATTRIBUTE = UnknownFields.class.getName();

  /** One unknown field: the proto path of the object holding it, and its name as sent. */
  record Violation(String parentPath, String name) {
    /** The field's own path, e.g. {@code generation_config.temprature}. */
    String path() {
      return parentPath.isEmpty() ? name : parentPath + "." + name;
    }

    String description() {
      return parentPath.isEmpty()
          ? "Invalid JSON payload received. Unknown name \"" + name + "\": Cannot find field."
          : "Invalid JSON payload received. Unknown name \"" + name + "\" at '" + parentPath + "': Cannot find field.";
    }
  }

  private final List<Violation> violations = new ArrayList<>();

  UnknownFields with(Violation violation) {
    violations.add(violation);
    return this;
  }

  List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** Google's 400 for all collected fields, or null when there were none. */
  ApiException toApiException() {
    if (violations.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> fieldViolations = new ArrayList<>();
    StringBuilder message = new StringBuilder();
    for (Violation violation : violations) {
      Map<String, Object> entry = new LinkedHashMap<>();
      if (!violation.parentPath().isEmpty()) {
        entry.put("field", violation.parentPath());
      }
      entry.put("description", violation.description());
      fieldViolations.add(entry);
      message.append(message.length() == 0 ? "" : "\n").append(violation.description());
    }
    Map<String, Object> badRequest = new LinkedHashMap<>();
    badRequest.put("@type", "type.googleapis.com/google.rpc.BadRequest");
    badRequest.put("fieldViolations", fieldViolations);
    return new ApiException(Status.INVALID_ARGUMENT, message.toString(), List.of(badRequest));
  }

  /** The proto path of the object the parser is in, e.g. {@code contents[0].parts[1]}. */
  static String pathOf(JsonStreamContext objectContext) {
    return pathThrough(objectContext.getParent());
  }

  /** The proto path of the child of {@code context} that it is positioned on. */
  private static String pathThrough(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + JsonMapper.toSnakeCase(c.getCurrentName()));
    }
    return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
  }

  /**
   * The path of the object holding an unknown field. A record's unknown fields are buffered and
   * replayed once the record is built, from a parser whose contexts are snapshots taken at the
   * first unknown field; the live parser then sits just past the record (or, when every component
   * came before the end, inside it), so its position names the holder.
   */
  private static String holderPath(JsonParser p, DeserializationContext ctxt, String fieldName) {
    JsonParser live = ctxt.getParser();
    if (live == null || live == p) {
      return pathOf(holderOf(p.getParsingContext(), fieldName));
    }
    JsonStreamContext liveContext = live.getParsingContext();
    return pathThrough(live.currentToken() == JsonToken.END_OBJECT ? liveContext : liveContext.getParent());
  }

  /** The object context that holds the field; the parser may sit inside the field's own value. */
  private static JsonStreamContext holderOf(JsonStreamContext current, String fieldName) {
    for (JsonStreamContext c = current; c != null; c = c.getParent()) {
      if (c.inObject() && fieldName.equals(c.getCurrentName())) {
        return c;
      }
    }
    return current;
  }

  /** The mapper-wide handler; it records into the reader's {@link UnknownFields} attribute. */
  static final class Handler extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
        Object beanOrClass, String propertyName) throws IOException {
      Object sink = ctxt.getAttribute(ATTRIBUTE);
      if (!(sink instanceof UnknownFields unknown)) {
        return false;
      }
      unknown.violations.add(new Violation(holderPath(p, ctxt, propertyName), propertyName));
      p.skipChildren();
      return true;
    }
  }
}
