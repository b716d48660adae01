package dev.gememu.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
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
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = objectContext.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
      path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + JsonMapper.toSnakeCase(c.getCurrentName()));
    }
    return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
  }

  /**
   * The object context that holds the field. The parser may sit inside the field's own value (an
   * object or array), and for records Jackson replays unknown fields from a buffer after the rest.
   */
  private static JsonStreamContext holderOf(JsonStreamContext current, String fieldName) {
    for (JsonStreamContext c = current; c != null; c = c.getParent()) {
      if (c.inObject() && fieldName.equals(c.getCurrentName())) {
        // A replayed buffer nests its own object under the real one, both positioned on the field.
        JsonStreamContext parent = c.getParent();
        return parent != null && parent.inObject() && fieldName.equals(parent.getCurrentName()) ? parent : c;
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
      unknown.violations.add(new Violation(pathOf(holderOf(p.getParsingContext(), propertyName)), propertyName));
      p.skipChildren();
      return true;
    }
  }
}
