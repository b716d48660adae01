package dev.gememu.api;

/** How a response body is framed on the wire, decided by the method and {@code alt=sse}. */
public enum Framing {
  /** One pretty-printed JSON body ({@code generateContent}, {@code countTokens}). */
  JSON,
  /** {@code streamGenerateContent?alt=sse}: {@code data: <one-line JSON>\r\n\r\n} per event. */
  SSE,
  /** {@code streamGenerateContent} without {@code alt=sse}: one JSON array sent element by element. */
  JSON_ARRAY;

  public static Framing of(ModelCall.Method method, boolean sse) {
    if (method != ModelCall.Method.STREAM_GENERATE_CONTENT) {
      return JSON;
    }
    return sse ? SSE : JSON_ARRAY;
  }

  public boolean streams() {
    return this != JSON;
  }
}
