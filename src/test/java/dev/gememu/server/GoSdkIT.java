package dev.gememu.server;

import dev.gememu.testing.ClientProgram;
import dev.gememu.testing.SdkPrograms;
import org.junit.jupiter.api.BeforeAll;

/**
 * Google's Go SDK ({@code google.golang.org/genai}, pinned in {@code src/test/go/go.mod}), unmodified,
 * against a real gememu given as {@code HTTPOptions.BaseURL}, read through the SDK's own helpers
 * ({@code result.ExecutableCode()}, {@code result.CodeExecutionResult()}). The program is prebuilt by
 * {@code make test}, so no test compiles Go under its clock.
 */
class GoSdkIT extends SdkScenarios {

  @BeforeAll
  static void requireTheSdk() {
    SdkPrograms.requireGo();
  }

  @Override
  ClientProgram program() {
    return SdkPrograms.go("genai-sdk");
  }

  @Override
  String apiErrorName() {
    return "APIError";
  }
}
