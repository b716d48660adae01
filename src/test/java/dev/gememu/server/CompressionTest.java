package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Model calls on the direct path ({@link ModelCallHandler}) are compressed exactly as Javalin
 * compresses the same call on its own route (reached here through a percent-escape in the path).
 */
class CompressionTest {
  private static final String LONG_CODE = "print(1)  # " + "padding ".repeat(300);
  private static final String ASK = """
      {"contents": [{"role": "user", "parts": [{"text": "Run this:\\n```python\\n%s\\n```"}]}],
       "tools": [{"codeExecution": {}}]}""".formatted(LONG_CODE);
  private static final String DIRECT = "/v1beta/models/gemini-2.5-flash:";
  private static final String THROUGH_JAVALIN = "/v1beta/models/%67emini-2.5-flash:";
  @RegisterExtension
  static final RunningGememu server = RunningGememu.withFakeExecutor();

  @Test
  void aLargeAnswerIsGzippedOnBothPathsWhenAsked() throws Exception {
    HttpResponse<byte[]> direct = post(DIRECT + "generateContent", ASK, "gzip");
    HttpResponse<byte[]> routed = post(THROUGH_JAVALIN + "generateContent", ASK, "gzip");

    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(routed.statusCode()).isEqualTo(200);
    assertThat(direct.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(routed.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gunzip(direct.body())).contains("padding padding");
    assertThat(RawHttp.tree(gunzip(direct.body())).get("candidates")).isEqualTo(RawHttp.tree(gunzip(routed.body())).get("candidates"));
  }

  @Test
  void withoutAcceptEncodingOrBelowTheMinimumSizeItGoesOutAsItIsWithItsLength() throws Exception {
    HttpResponse<byte[]> notAsked = post(DIRECT + "generateContent", ASK, null);
    HttpResponse<byte[]> small = post(DIRECT + "countTokens", "{\"contents\": [{\"parts\": [{\"text\": \"hi\"}]}]}", "gzip");

    assertThat(notAsked.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(new String(notAsked.body(), StandardCharsets.UTF_8)).contains("padding padding");
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(small.headers().firstValueAsLong("Content-Length")).hasValue(small.body().length);
  }

  private static HttpResponse<byte[]> post(String path, String body, String acceptEncoding)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "application/json").header("x-goog-api-key", "test-key")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
