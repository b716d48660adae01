package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.executor.ExecutorOptions;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RawSocket;
import dev.gememu.testing.RunningGememu;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests broken on the wire, sent byte by byte on raw sockets: each gets Google's JSON envelope
 * with a 4xx status, never a 5xx, HTML or plain text, and the server keeps serving. No request here
 * runs Python, so the server runs snippets in-process with no context made ahead.
 */
class MalformedHttpIT {
  private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
  private static final String BODY = "{\"contents\": [{\"parts\": [{\"text\": \"hi\"}]}]}";

  @RegisterExtension
  static final RunningGememu server = RunningGememu.configuredBy(c -> c
      .withExecutor(c.executor().withKind(ExecutorOptions.Kind.IN_PROCESS))
      .withLimits(c.limits().withWarmContexts(0)));

  private static int port() {
    return URI.create(server.baseUrl()).getPort();
  }

  private static String post(String target, String headers) {
    return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nx-goog-api-key: k\r\n"
        + "Content-Type: application/json\r\n" + headers + "\r\n";
  }

  /** The envelope's code is the HTTP status, a 4xx, and the body is JSON, whatever raised the error. */
  private static JsonNode clientError(RawSocket.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.headers().get("content-type")).startsWith("application/json");
    JsonNode error = RawHttp.tree(response.body()).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(status);
    assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.get("message").asText()).doesNotContain("java.", "jetty", "javalin", "Exception");
    return error;
  }

  private static void stillServes() {
    assertThat(RawSocket.exchange(port(), "GET /v1beta/models HTTP/1.1\r\nHost: localhost\r\nx-goog-api-key: k\r\n"
        + "Connection: close\r\n\r\n").status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zz", "-1", " 9d", "9g", ""})
  void badChunkSizeLineIs400(String sizeLine) {
    RawSocket.Response response = RawSocket.exchange(port(), post(GENERATE, "Transfer-Encoding: chunked\r\n")
        + sizeLine + "\r\n" + BODY + "\r\n0\r\n\r\n");

    assertThat(clientError(response, 400).get("message").asText()).contains("chunked framing");
    stillServes();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/v1beta/models/%e:generateContent",
      "/v1beta/models/gemini-2.5-flash%:generateContent",
      "/v1beta/models/gemini%2",
      "/v1beta/mod%ZZels",
      "/v1beta/models?pageToken=%zz",
      "/v1beta/models?key=%",
      "/v1beta/models/gemini-2.5-flash:generateContent?alt=%G",
      "/__gememu/fixtures/%q1"})
  void brokenPercentEscapeAnywhereInTheTargetIs400(String target) {
    RawSocket.Response response = RawSocket.exchange(port(),
        post(target, "Content-Length: " + BODY.length() + "\r\nConnection: close\r\n") + BODY);

    clientError(response, 400);
  }

  @Test
  void validEscapesStillWork() {
    RawSocket.Response response = RawSocket.exchange(port(), "GET /v1beta/models/gemini%2D2.5-flash?pageToken=%41 HTTP/1.1\r\n"
        + "Host: localhost\r\nx-goog-api-key: k\r\nConnection: close\r\n\r\n");

    assertThat(response.status()).isEqualTo(200);
    assertThat(RawHttp.tree(response.body()).get("name").asText()).isEqualTo("models/gemini-2.5-flash");
  }

  @Test
  void bodyCutShortByTheClientIs400() {
    try (RawSocket client = RawSocket.connect(port())) {
      RawSocket.Response response = client.send(post(GENERATE, "Content-Length: 100\r\n") + BODY.substring(0, 20))
          .endOutput().read();

      assertThat(clientError(response, 400).get("message").asText()).contains("declared Content-Length");
    }
    stillServes();
  }

  @Test
  void chunkedBodyCutShortIs400() {
    try (RawSocket client = RawSocket.connect(port())) {
      RawSocket.Response response = client.send(post(GENERATE, "Transfer-Encoding: chunked\r\n") + "40\r\n{\"contents\"")
          .endOutput().read();

      clientError(response, 400);
    }
  }

  @Test
  void aClientTricklingHalfABodyThenHangingUpDoesNotHoldUpOthers() {
    try (RawSocket slow = RawSocket.connect(port())) {
      slow.send(post(GENERATE, "Content-Length: " + BODY.length() + "\r\n"));
      for (char c : BODY.substring(0, BODY.length() / 2).toCharArray()) {
        slow.send(String.valueOf(c));
      }
      stillServes();
      assertThat(server.http().post(GENERATE.replace("generateContent", "countTokens"), BODY).statusCode()).isEqualTo(200);
    }
    stillServes();
  }

  @Test
  void oversizedHeadersAre431() {
    RawSocket.Response response = RawSocket.exchange(port(),
        post(GENERATE, "X-Padding: " + "a".repeat(20_000) + "\r\nContent-Length: 2\r\n") + "{}");

    assertThat(clientError(response, 431).get("message").asText()).contains("Header Fields Too Large");
    stillServes();
  }

  @Test
  void oversizedTargetIs414() {
    RawSocket.Response response = RawSocket.exchange(port(),
        "GET /v1beta/models/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

    clientError(response, 414);
  }

  /** Google answers a body over 20 MB with a 400 and this wording; gememu does so from the declared length. */
  @Test
  void declaredBodyOverGooglesLimitIsRefusedBeforeItArrives() {
    try (RawSocket client = RawSocket.connect(port())) {
      RawSocket.Response response = client.send(post(GENERATE, "Content-Length: 30000000\r\n") + BODY).read();

      assertThat(clientError(response, 400).get("message").asText())
          .isEqualTo("Request payload size exceeds the limit: 20971520 bytes.");
    }
    stillServes();
  }

  @Test
  void chunkedBodyOverGooglesLimitIs400() {
    try (RawSocket client = RawSocket.connect(port())) {
      client.send(post(GENERATE, "Transfer-Encoding: chunked\r\n"));
      String chunk = Integer.toHexString(1 << 20) + "\r\n" + "a".repeat(1 << 20) + "\r\n";
      for (int i = 0; i < 21; i++) {
        client.send(chunk);
      }
      RawSocket.Response response = client.send("0\r\n\r\n").read();

      assertThat(clientError(response, 400).get("message").asText())
          .isEqualTo("Request payload size exceeds the limit: 20971520 bytes.");
    }
    stillServes();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Length: abc\r\n", "Content-Length: -5\r\n", "Content-Length: 5\r\nContent-Length: 6\r\n",
      "Content-Length: 10\r\nTransfer-Encoding: chunked\r\n", "Transfer-Encoding: gzip\r\n"})
  void badBodyFramingHeadersAre400(String headers) {
    clientError(RawSocket.exchange(port(), post(GENERATE, headers) + BODY), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET / HTTP/9.9\r\nHost: localhost\r\n\r\n", "GARBAGE\r\n\r\n",
      "GET /v1beta/models HTTP/1.1\r\nBad Header: x\r\n\r\n", "GET /v1beta/models HTTP/1.1\r\n\r\n"})
  void unparsableRequestHeadsAre400(String request) {
    clientError(RawSocket.exchange(port(), request), 400);
  }
}
