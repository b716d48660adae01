package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.testing.ClientProgram;
import dev.gememu.testing.PrefixProxy;
import dev.gememu.testing.SdkPrograms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

  @Test
  void uploadsACsvThatTheCodeReadsThenListsGetsAndDeletesIt() {
    UploadScenario.assertUploadedAndAnalysed(result("uploadCsv"), GEMEMU.baseUrl());
  }

  @Test
  void uploadsThroughABaseUrlWithAPathPrefix() throws Exception {
    try (PrefixProxy proxy = new PrefixProxy(GEMEMU.baseUrl(), "/gemini")) {
      UploadScenario.assertUploadedAndAnalysed(program().result(proxy.baseUrl(), "uploadCsv"), proxy.baseUrl());

      assertThat(proxy.requests()).anyMatch(r -> r.matches("POST /gemini/upload/v1(beta)?/files\\?upload_id=.*"));
    }
  }
}
