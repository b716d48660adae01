package dev.gememu.server;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Spells a Jackson location the way Google's errors name fields: {@code contents[0].parts[1].inline_data}. */
final class GooglePath {
  /**
   * Proto enums nested in a message are named after it, e.g. {@code ExecutableCode.Language}; these
   * are top-level Java enums, the others are nested in their message's record.
   */
  private static final java.util.Map<String, String> ENUM_OWNERS = java.util.Map.of(
      "Language", "ExecutableCode.",
      "Outcome", "CodeExecutionResult.",
      "FinishReason", "Candidate.");

  private GooglePath() {}

  static String of(List<Reference> path) {
    StringBuilder text = new StringBuilder();
    for (Reference step : path) {
      if (step.getFieldName() != null) {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(JsonMapper.toSnakeCase(step.getFieldName()));
      } else if (step.getIndex() >= 0) {
        text.append('[').append(step.getIndex()).append(']');
      }
    }
    return text.toString();
  }

  /** The proto type name Google prints for a value of the given Java type. */
  static String typeName(Class<?> type) {
    if (type == String.class) {
      return "TYPE_STRING";
    }
    if (type == Integer.class || type == int.class) {
      return "TYPE_INT32";
    }
    if (type == Long.class || type == long.class) {
      return "TYPE_INT64";
    }
    if (type == Double.class || type == double.class || type == Float.class) {
      return "TYPE_DOUBLE";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "TYPE_BOOL";
    }
    if (type.isEnum()) {
      String owner = type.getEnclosingClass() != null ? type.getEnclosingClass().getSimpleName() + "."
          : ENUM_OWNERS.getOrDefault(type.getSimpleName(), "");
      return "type.googleapis.com/google.ai.generativelanguage.v1beta." + owner + type.getSimpleName();
    }
    if (List.class.isAssignableFrom(type)) {
      return "TYPE_MESSAGE (repeated)";
    }
    return "type.googleapis.com/google.ai.generativelanguage.v1beta." + type.getSimpleName();
  }
}
