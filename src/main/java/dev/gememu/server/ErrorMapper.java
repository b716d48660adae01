package dev.gememu.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.gememu.api.ApiException;
import dev.gememu.api.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns anything thrown while serving a request into the {@link ApiException} the client sees. */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
  static final String INTERNAL_MESSAGE = "An internal error has occurred. Please retry or report in"
      + " https://developers.generativeai.google/guide/troubleshooting";

  private ErrorMapper() {}

  static ApiException toApiException(Throwable error) {
    if (error instanceof ApiException api) {
      return api;
    }
    if (error instanceof UnrecognizedPropertyException unknown) {
      return unknownField(unknown);
    }
    if (error instanceof DatabindException binding) {
      return invalidValue(binding);
    }
    if (error instanceof JsonProcessingException syntax) {
      return ApiException.invalidArgument("Invalid JSON payload received. " + syntax.getOriginalMessage()
          + locationOf(syntax));
    }
    LOG.error("Unexpected error while serving a request", error);
    return new ApiException(Status.INTERNAL, INTERNAL_MESSAGE);
  }

  private static ApiException unknownField(UnrecognizedPropertyException unknown) {
    String parent = GooglePath.of(unknown.getPath().subList(0, unknown.getPath().size() - 1));
    String name = unknown.getPropertyName();
    String description = parent.isEmpty()
        ? "Invalid JSON payload received. Unknown name \"" + name + "\": Cannot find field."
        : "Invalid JSON payload received. Unknown name \"" + name + "\" at '" + parent + "': Cannot find field.";
    Map<String, Object> violation = new LinkedHashMap<>();
    if (!parent.isEmpty()) {
      violation.put("field", parent);
    }
    violation.put("description", description);
    Map<String, Object> badRequest = new LinkedHashMap<>();
    badRequest.put("@type", "type.googleapis.com/google.rpc.BadRequest");
    badRequest.put("fieldViolations", List.of(violation));
    return new ApiException(Status.INVALID_ARGUMENT, description, List.of(badRequest));
  }

  private static ApiException invalidValue(DatabindException binding) {
    String path = binding instanceof JsonMappingException mapping ? GooglePath.of(mapping.getPath()) : "";
    StringBuilder message = new StringBuilder("Invalid JSON payload received. Invalid value");
    if (!path.isEmpty()) {
      message.append(" at '").append(path).append('\'');
    }
    if (binding instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      message.append(" (").append(GooglePath.typeName(mismatch.getTargetType())).append(')');
    }
    if (binding instanceof InvalidFormatException format) {
      message.append(", ").append(quote(format.getValue()));
    } else if (binding.getProcessor() instanceof JsonParser parser && parser.currentToken() != null
        && parser.currentToken().isScalarValue()) {
      message.append(", ").append(scalarText(parser));
    } else {
      message.append(": ").append(firstLine(binding.getOriginalMessage()));
    }
    return ApiException.invalidArgument(message.toString());
  }

  private static String scalarText(JsonParser parser) {
    try {
      return parser.currentToken() == JsonToken.VALUE_STRING ? "\"" + parser.getText() + "\"" : parser.getText();
    } catch (java.io.IOException unreadable) {
      return "?";
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "malformed value";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String quote(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }

  private static String locationOf(JsonProcessingException syntax) {
    return syntax.getLocation() == null ? ""
        : " (line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr() + ")";
  }
}
