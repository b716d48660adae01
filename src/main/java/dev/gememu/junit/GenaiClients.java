package dev.gememu.junit;

import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import dev.gememu.Gememu;

/**
 * Official Java SDK clients for a test; only loaded when a test asks for a {@code Client}, so the
 * SDK stays an optional dependency.
 */
final class GenaiClients {
  /** Any non-empty key passes unless the server was given API keys. */
  static final String API_KEY = "gememu-test-key";

  private GenaiClients() {}

  /** A client that sends the scope's headers and reports the first error instead of retrying. */
  static Client of(Gememu gememu) {
    return Client.builder()
        .apiKey(API_KEY)
        .httpOptions(HttpOptions.builder()
            .baseUrl(gememu.baseUrl())
            .headers(gememu.headers())
            .retryOptions(HttpRetryOptions.builder().attempts(1).build())
            .build())
        .build();
  }
}
