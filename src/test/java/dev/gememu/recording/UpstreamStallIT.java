package dev.gememu.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.Gememu;
import dev.gememu.journal.Exchange;
import dev.gememu.testing.FakeExecutor;
import dev.gememu.testing.FakeGoogle;
import dev.gememu.testing.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream that goes quiet mid-answer: cut off after the upstream timeout (short here), the client
 * gets Google's error (in-band once events went out, else a 504) naming the upstream, nothing is
 * recorded, and gememu goes on serving.
 */
class UpstreamStallIT {
  /** Short so the test is quick; every other answer of the fake upstream comes at once. */
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final String SSE = "/v1beta/models/gemini-3-flash-preview:streamGenerateContent?alt=sse";
  private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";

  @TempDir
  Path recordings;

  @Test
  void aStreamThatStallsAfterAnEventEndsWithAnInBandErrorNamingTheUpstreamAndIsNotRecorded() throws IOException {
    try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = start(google)) {
      HttpResponse<String> stalled = post(gememu, SSE, prompt("Please stall"));

      assertThat(stalled.statusCode()).isEqualTo(200);
      Exchange exchange = gememu.exchanges().all().get(0);
      assertThat(exchange.events()).hasSize(2);
      assertThat(exchange.events().get(0)).isEqualTo("data: " + FakeGoogle.GEMINI3_EVENTS.get(0) + "\r\n\r\n");
      JsonNode error = RawHttp.tree(exchange.events().get(1).substring("data: ".length())).get("error");
      assertThat(error.get("code").asInt()).isEqualTo(504);
      assertThat(error.get("status").asText()).isEqualTo("DEADLINE_EXCEEDED");
      assertThat(error.get("message").asText()).contains(google.url()).contains("3 s");
      assertThat(stalled.body()).isEqualTo(String.join("", exchange.events()));

      assertKeepsServingAndRecordedOnlyTheGoodAnswer(gememu);
    }
  }

  @Test
  void aWholeAnswerThatStallsIsAGoogleShaped504NamingTheUpstream() throws IOException {
    try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = start(google)) {
      HttpResponse<String> stalled = post(gememu, GENERATE, prompt("Please stall"));

      assertThat(stalled.statusCode()).isEqualTo(504);
      assertThat(stalled.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
          .startsWith("application/json"));
      JsonNode error = RawHttp.tree(stalled.body()).get("error");
      assertThat(error.get("status").asText()).isEqualTo("DEADLINE_EXCEEDED");
      assertThat(error.get("message").asText()).contains(google.url());

      assertKeepsServingAndRecordedOnlyTheGoodAnswer(gememu);
    }
  }

  private void assertKeepsServingAndRecordedOnlyTheGoodAnswer(Gememu gememu) throws IOException {
    HttpResponse<String> next = post(gememu, GENERATE, prompt("What is the sum of 0..9?"));
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).isEqualTo(FakeGoogle.GENERATE);
    try (Stream<Path> written = Files.walk(recordings)) {
      List<Path> files = written.filter(Files::isRegularFile).toList();
      assertThat(files).hasSize(1);
      assertThat(Files.readString(files.get(0))).contains("What is the sum").doesNotContain("stall");
    }
  }

  private Gememu start(FakeGoogle google) {
    return Gememu.builder().config(config -> config.withPort(0).withRecording(RecordingSettings.defaults()
        .withMode(Mode.RECORD).withUpstream(URI.create(google.url())).withRecordDir(recordings)
        .withUpstreamTimeout(TIMEOUT))).executor(new FakeExecutor()).start();
  }

  private static String prompt(String text) {
    return "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"" + text + "\"}]}]}";
  }

  private static HttpResponse<String> post(Gememu gememu, String path, String body) {
    return new RawHttp(gememu.baseUrl("127.0.0.1")).send(HttpRequest.newBuilder(URI.create(gememu.baseUrl("127.0.0.1")
        + path)).header("Content-Type", "application/json").header("x-goog-api-key", "AIzaFAKE-stall")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
