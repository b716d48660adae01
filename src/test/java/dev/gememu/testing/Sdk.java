package dev.gememu.testing;

import com.google.genai.Client;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Tool;
import com.google.genai.types.ToolCodeExecution;

/** The official Java SDK, pointed at a gememu. */
public final class Sdk {
  private Sdk() {}

  public static Client client(String baseUrl) {
    return Client.builder()
        .apiKey("test-key")
        .httpOptions(HttpOptions.builder().baseUrl(baseUrl).build())
        .build();
  }

  /** A client that reports the first error instead of retrying 408, 429 and 5xx as the SDK does by default. */
  public static Client clientWithoutRetries(String baseUrl) {
    return Client.builder()
        .apiKey("test-key")
        .httpOptions(HttpOptions.builder().baseUrl(baseUrl)
            .retryOptions(HttpRetryOptions.builder().attempts(1).build()).build())
        .build();
  }

  public static GenerateContentConfig withCodeExecution() {
    return GenerateContentConfig.builder()
        .tools(Tool.builder().codeExecution(ToolCodeExecution.builder().build()).build())
        .build();
  }

  /** A prompt asking to run the given Python, fenced the way gememu's inline responder reads it. */
  public static String runPrompt(String code) {
    return "Run this:\n```python\n" + code + "\n```";
  }
}
