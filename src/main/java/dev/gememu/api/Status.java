package dev.gememu.api;

/** Google's canonical error codes with the HTTP status the Gemini API answers them with. */
public enum Status {
  INVALID_ARGUMENT(400),
  FAILED_PRECONDITION(400),
  UNAUTHENTICATED(401),
  PERMISSION_DENIED(403),
  NOT_FOUND(404),
  RESOURCE_EXHAUSTED(429),
  INTERNAL(500),
  UNIMPLEMENTED(501),
  UNAVAILABLE(503),
  DEADLINE_EXCEEDED(504);

  private final int httpCode;

  Status(int httpCode) {
    this.httpCode = httpCode;
  }

  public int httpCode() {
    return httpCode;
  }
}
