package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.testing.NodeScript;
import dev.gememu.testing.PrefixProxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link JsSdkIT}'s scenarios on the newest majors users install today, {@code @google/genai} 3.x and
 * {@code ai} 7 with {@code @ai-sdk/google} 4 (npm aliases {@code genai3}, {@code ai7},
 * {@code ai-sdk-google4} in {@code src/test/js/package.json}). Their {@code engines} field asks for
 * Node 22; they run on Node 20.
 */
class JsSdkNewestIT extends JsSdkIT {
  @Override
  Map<String, String> environment() {
    return Map.of("GEMEMU_JS_SDKS", "newest");
  }

  /** The AI SDK's uploadFile (new in these majors) follows the upload URL as it is, and sends no key with the chunk. */
  @Test
  void vercelUploadsAFileThatTheCodeReads() throws Exception {
    try (PrefixProxy proxy = new PrefixProxy(GEMEMU.baseUrl(), "/gemini")) {
      JsonNode result = NodeScript.program("vercel.mjs", environment()).result(proxy.baseUrl() + "/v1beta", "uploadCsv");

      assertThat(result.at("/file/name").asText()).matches("files/[a-z0-9]{12}");
      assertThat(result.at("/file/displayName").asText()).isEqualTo("temperatures.csv");
      assertThat(result.at("/file/state").asText()).isEqualTo("ACTIVE");
      assertThat(result.get("output").toString()).contains("20.0");
      assertThat(proxy.requests()).anyMatch(r -> r.matches("POST /gemini/upload/v1(beta)?/files\\?upload_id=.*"));
    }
  }
}
