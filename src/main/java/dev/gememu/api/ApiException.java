package dev.gememu.api;

import java.util.List;
import java.util.Map;

/** Anything the client should see as an HTTP error, rendered once as Google's error envelope. */
public final class ApiException extends RuntimeException {
  private final Status status;
  private final List<Map<String, Object>> details;

  public ApiException(Status status, String message) {
    this(status, message, List.of());
  }

  public ApiException(Status status, String message, List<Map<String, Object>> details) {
    super(message);
    this.status = status;
    this.details = List.copyOf(details);
  }

  public Status status() {
    return status;
  }

  /** The {@code details} array of the envelope: objects carrying an {@code @type} key. */
  public List<Map<String, Object>> details() {
    return details;
  }

  public ErrorEnvelope toEnvelope() {
    return ErrorEnvelope.of(status, getMessage(), details);
  }

  /** Google's 503 when the model cannot take the request now; SDKs retry it. */
  public static ApiException overloaded() {
    return new ApiException(Status.UNAVAILABLE, "The model is overloaded. Please try again later.");
  }

  public static ApiException invalidArgument(String message) {
    return new ApiException(Status.INVALID_ARGUMENT, message);
  }
}
