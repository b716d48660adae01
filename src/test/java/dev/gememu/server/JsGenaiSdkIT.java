package dev.gememu.server;

import dev.gememu.testing.ClientProgram;
import dev.gememu.testing.NodeScript;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Google's JS SDK {@code @google/genai} (pinned major), unmodified and given the bare server URL, through
 * the scenarios every official SDK runs ({@code src/test/js/genai.mjs}); its uploads, every config field
 * and part kind, and the Vercel AI SDK are in {@link JsSdkIT}.
 */
class JsGenaiSdkIT extends SdkScenarios {

  @BeforeAll
  static void requireTheSdks() {
    NodeScript.requireNodeAndSdks("@google/genai", "genai3");
  }

  /** Added to the script's environment: which major it imports. */
  Map<String, String> environment() {
    return Map.of();
  }

  @Override
  ClientProgram program() {
    return NodeScript.program("genai.mjs", environment());
  }

  @Override
  String apiErrorName() {
    return "ApiError";
  }
}
