package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** Google's error body: {@code {"error": {"code", "message", "status", "details"}}}. */
public record ErrorEnvelope(Error error) {

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"code", "message", "status", "details"})
  public record Error(int code, String message, String status, List<Map<String, Object>> details) {
    public Error {
      details = details == null ? List.of() : List.copyOf(details);
    }
  }

  public static ErrorEnvelope of(Status status, String message, List<Map<String, Object>> details) {
    return new ErrorEnvelope(new Error(status.httpCode(), message, status.name(), details));
  }
}
