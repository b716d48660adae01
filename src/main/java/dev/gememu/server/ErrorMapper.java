package dev.gememu.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.gememu.api.ApiException;
import dev.gememu.executor.ExecutorSaturatedException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns anything thrown while serving a request into the {@link ApiException} the client sees. */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  static ApiException toApiException(Throwable error) {
    if (error instanceof ApiException api) {
      return api;
    }
    if (error instanceof ExecutorSaturatedException) {
      return ApiException.overloaded();
    }
    if (error instanceof UnrecognizedPropertyException unknown) {
      String parent = GooglePath.of(unknown.getPath().subList(0, unknown.getPath().size() - 1));
      UnknownFields fields = new UnknownFields();
      return fields.with(new UnknownFields.Violation(parent, unknown.getPropertyName())).toApiException();
    }
    if (error instanceof DatabindException binding) {
      return invalidValue(binding);
    }
    if (error instanceof JsonProcessingException syntax) {
      return ApiException.invalidArgument("Invalid JSON payload received. " + syntax.getOriginalMessage()
          + locationOf(syntax));
    }
    LOG.error("Unexpected error while serving a request", error);
    return ApiException.internal();
  }

  /** Google names the field, its proto type and the offending value, never the parser's internals. */
  private static ApiException invalidValue(DatabindException binding) {
    String original = String.valueOf(binding.getOriginalMessage());
    if (original.contains("end-of-input")) {
      return ApiException.invalidArgument("Invalid JSON payload received. Unexpected end of input: the body is"
          + " truncated." + locationOf(binding));
    }
    String path = binding instanceof JsonMappingException mapping ? GooglePath.of(mapping.getPath()) : "";
    StringBuilder message = new StringBuilder("Invalid JSON payload received. Invalid value");
    if (!path.isEmpty()) {
      message.append(" at '").append(path).append('\'');
    }
    if (binding instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      message.append(" (").append(GooglePath.typeName(mismatch.getTargetType())).append(')');
    }
    if (binding instanceof InvalidFormatException format) {
      return ApiException.invalidArgument(message.append(", ").append(quote(format.getValue())).toString());
    }
    if (binding instanceof InvalidNullException) {
      return ApiException.invalidArgument(message.append(", null").toString());
    }
    JsonParser parser = binding.getProcessor() instanceof JsonParser p ? p : null;
    JsonToken token = parser == null ? null : parser.currentToken();
    if (token == JsonToken.START_ARRAY) {
      message.append(": Proto field is not repeating, cannot start list.");
    } else if (token == JsonToken.START_OBJECT && binding instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null && java.util.Collection.class.isAssignableFrom(mismatch.getTargetType())) {
      message.append(": expected a list.");
    } else if (token == JsonToken.START_OBJECT) {
      message.append(": Starting an object on a scalar field.");
    } else if (token != null && token.isScalarValue()) {
      message.append(", ").append(scalarText(parser));
    } else {
      message.append('.');
    }
    return ApiException.invalidArgument(message.toString());
  }

  private static String scalarText(JsonParser parser) {
    try {
      return parser.currentToken() == JsonToken.VALUE_STRING ? "\"" + parser.getText() + "\"" : parser.getText();
    } catch (IOException unreadable) {
      return "?";
    }
  }

  private static String quote(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }

  private static String locationOf(JsonProcessingException syntax) {
    return syntax.getLocation() == null ? ""
        : " (line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr() + ")";
  }
}
