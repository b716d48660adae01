package dev.gememu.server;

import dev.gememu.testing.ClientProgram;
import dev.gememu.testing.SdkPrograms;
import org.junit.jupiter.api.BeforeAll;

/**
 * Google's Python SDK ({@code google-genai}, pinned in {@code src/test/python/requirements.txt}),
 * unmodified, against a real gememu given as {@code http_options.base_url}. Its stream reader accepts
 * only {@code data: } and blank lines, so a streamed answer passing here is framed as Google frames it.
 */
class PythonSdkIT extends SdkScenarios {

  @BeforeAll
  static void requireTheSdk() {
    SdkPrograms.requirePython();
  }

  @Override
  ClientProgram program() {
    return SdkPrograms.python("genai_sdk.py");
  }

  @Override
  String apiErrorName() {
    return "ClientError";
  }
}
