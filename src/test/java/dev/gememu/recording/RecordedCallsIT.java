package dev.gememu.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.Gememu;
import dev.gememu.fixtures.FixtureSettings;
import dev.gememu.testing.FakeExecutor;
import dev.gememu.testing.FakeGoogle;
import dev.gememu.testing.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** countTokens and models get and list: recorded in record and auto mode, played back byte for byte offline. */
class RecordedCallsIT {
  private static final String KEY = "AIzaFAKE-calls-key-never-written";
  private static final String COUNT = "/v1beta/models/gemini-2.5-flash:countTokens";
  private static final String COUNTED = "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"Count me\"}]}]}";

  @TempDir
  Path recordings;

  @Test
  void countTokensAndModelsCallsAreRecordedThenPlayedBackByteForByteWithTheUpstreamGone() throws IOException {
    List<String> recorded;
    try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = start(Mode.RECORD, google.url())) {
      recorded = List.of(post(gememu, COUNT, COUNTED).body(), get(gememu, "/v1beta/models").body(),
          get(gememu, "/v1beta/models/gemini-2.5-flash").body());
      assertThat(recorded).containsExactly("{\n  \"totalTokens\": 7\n}\n",
          "{\n  \"models\": [\n    {\n      \"name\": \"models/gemini-2.5-flash\"\n    }\n  ]\n}\n", FakeGoogle.MODEL);
    }
    assertThat(Files.readString(recordings.resolve("calls-countTokens.yaml")))
        .contains("method: countTokens").contains("text: Count me").contains("\"totalTokens\": 7")
        .doesNotContain(KEY);
    assertThat(recordings.resolve("calls-models.list.yaml")).exists();
    assertThat(Files.readString(recordings.resolve("calls-models.get.yaml"))).contains("model: gemini-2.5-flash")
        .contains("method: models.get");

    try (Gememu gememu = start(Mode.PLAYBACK, "http://127.0.0.1:9")) {
      assertThat(List.of(post(gememu, COUNT, COUNTED).body(), get(gememu, "/v1beta/models").body(),
          get(gememu, "/v1beta/models/gemini-2.5-flash").body())).isEqualTo(recorded);

      HttpResponse<String> other = post(gememu, COUNT,
          "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"Something else entirely\"}]}]}");
      assertThat(RawHttp.tree(other.body()).get("totalTokens").asInt()).as("not recorded: gememu counts").isNotEqualTo(7);
      assertThat(RawHttp.tree(get(gememu, "/v1beta/models/gemini-2.5-pro").body()).get("name").asText())
          .isEqualTo("models/gemini-2.5-pro");
      HttpResponse<String> generate = post(gememu, "/v1beta/models/gemini-2.5-flash:generateContent", COUNTED);
      assertThat(generate.statusCode()).as("a recorded countTokens does not answer generateContent").isEqualTo(404);
      assertThat(RawHttp.tree(generate.body()).at("/error/message").asText()).contains("fixtures: none loaded");
    }
  }

  @Test
  void autoModeRecordsACountTokensMissAndPlaysItBackWithoutCallingTheUpstreamAgain() {
    try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = start(Mode.AUTO, google.url())) {
      String first = post(gememu, COUNT, COUNTED).body();
      String second = post(gememu, COUNT, COUNTED).body();

      assertThat(second).isEqualTo(first).isEqualTo("{\n  \"totalTokens\": 7\n}\n");
      assertThat(google.received()).hasSize(1);
    }
  }

  private Gememu start(Mode mode, String upstream) {
    return Gememu.builder().config(config -> config.withPort(0)
        .withFixtures(FixtureSettings.none().withDirectories(List.of(recordings)))
        .withRecording(RecordingSettings.defaults().withMode(mode).withUpstream(URI.create(upstream))
            .withRecordDir(recordings)))
        .executor(new FakeExecutor()).start();
  }

  private static HttpResponse<String> post(Gememu gememu, String path, String body) {
    return send(gememu, request(gememu, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> get(Gememu gememu, String path) {
    return send(gememu, request(gememu, path).GET());
  }

  private static HttpRequest.Builder request(Gememu gememu, String path) {
    return HttpRequest.newBuilder(URI.create(gememu.baseUrl("127.0.0.1") + path)).header("x-goog-api-key", KEY)
        .header("x-gememu-test", "calls");
  }

  private static HttpResponse<String> send(Gememu gememu, HttpRequest.Builder request) {
    return new RawHttp(gememu.baseUrl("127.0.0.1")).send(request);
  }
}
