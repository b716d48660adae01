package dev.gememu.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.types.File;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.UploadFileConfig;
import dev.gememu.Gememu;
import dev.gememu.fixtures.FixtureSettings;
import dev.gememu.testing.FakeExecutor;
import dev.gememu.testing.FakeGoogle;
import dev.gememu.testing.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads and request bytes in record and auto mode, against a fake Google on loopback: an upload
 * through gememu is made upstream too, the model request goes upstream naming the upstream's copy,
 * and the recording replays offline once the same file is uploaded again; the client's request
 * bytes reach the upstream as sent.
 */
class RecordedUploadsIT {
  private static final String KEY = "AIzaFAKE-uploads-key-never-written";
  private static final String CSV = "city,temp\nOslo,4\nCairo,31\nLima,19\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path recordings;

  @Test
  void anUploadInRecordModeIsMadeUpstreamAndItsRecordingReplaysOfflineOnceTheSameFileIsUploadedAgain() throws Exception {
    String recordedAnswer;
    String localUri;
    String sdkText;
    try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = start(Mode.RECORD, google.url())) {
      File local = sdk(gememu).files.upload(CSV.getBytes(StandardCharsets.UTF_8),
          UploadFileConfig.builder().mimeType("text/csv").displayName("temps.csv").build());
      localUri = local.uri().orElseThrow();
      assertThat(localUri).as("the client sees gememu's file").startsWith(gememu.baseUrl("127.0.0.1"));
      assertThat(google.files()).as("and the upstream got the same bytes").hasSize(1)
          .hasEntrySatisfying("files/upstream-1", bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(CSV));

      HttpResponse<String> answer = generate(gememu, localUri);
      recordedAnswer = answer.body();

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(RawHttp.tree(recordedAnswer).at("/candidates/0/content/parts/0/text").asText())
          .as("the upstream was asked about its own copy of the file").isEqualTo("The file says: " + CSV);
      FakeGoogle.Received asked = google.received().get(google.received().size() - 1);
      assertThat(asked.text()).contains(google.url() + "/v1beta/files/upstream-1").doesNotContain(localUri);
      assertThat(google.keys()).as("the client's key, on the start and the model call (the chunk needs none)")
          .filteredOn(key -> key.startsWith("AIza")).containsExactly(KEY, KEY);
      sdkText = sdk(gememu).models.generateContent("gemini-2.5-flash", question(localUri), null).text();
      assertThat(sdkText).isEqualTo("The file says: " + CSV);
    }
    String recording = Files.readString(recordings.resolve("uploads/csv.yaml"));
    assertThat(recording).contains("fileUri: files/*").contains("mimeType: text/csv")
        .contains("sha256: " + sha256Hex(CSV)).doesNotContain(localUri);

    try (Gememu gememu = start(Mode.PLAYBACK, "http://127.0.0.1:9")) {
      File again = sdk(gememu).files.upload(CSV.getBytes(StandardCharsets.UTF_8),
          UploadFileConfig.builder().mimeType("text/csv").displayName("temps.csv").build());
      assertThat(again.uri().orElseThrow()).isNotEqualTo(localUri);

      HttpResponse<String> replayed = generate(gememu, again.uri().orElseThrow());
      assertThat(replayed.statusCode()).isEqualTo(200);
      assertThat(replayed.body()).isEqualTo(recordedAnswer);
      assertThat(sdk(gememu).models.generateContent("gemini-2.5-flash", question(again.uri().orElseThrow()), null)
          .text()).isEqualTo(sdkText);

      File other = sdk(gememu).files.upload("city,temp\nOslo,5\n".getBytes(StandardCharsets.UTF_8),
          UploadFileConfig.builder().mimeType("text/csv").build());
      HttpResponse<String> otherFile = generate(gememu, other.uri().orElseThrow());
      assertThat(otherFile.statusCode()).isEqualTo(404);
      assertThat(RawHttp.tree(otherFile.body()).at("/error/message").asText()).contains("files[0].sha256");
    }
    assertNoKeyWasWritten();
  }

  @Test
  void anUploadTheUpstreamRefusesIsRefusedWithItsErrorAndNothingIsKept() {
    try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = start(Mode.RECORD, google.url())) {
      Client refused = Client.builder().apiKey(FakeGoogle.REFUSED_KEY)
          .httpOptions(HttpOptions.builder().baseUrl(gememu.baseUrl("127.0.0.1")).build()).build();

      assertThatThrownBy(() -> refused.files.upload(CSV.getBytes(StandardCharsets.UTF_8),
          UploadFileConfig.builder().mimeType("text/csv").build()))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(400);
            assertThat(e.getMessage()).contains("API key not valid");
          });
      assertThat(RawHttp.tree(new RawHttp(gememu.baseUrl("127.0.0.1")).get("/v1beta/files").body()).path("files"))
          .as("no local copy either").isEmpty();
    }
  }

  @Test
  void aFileKeptFromAnEarlierRunIsUploadedUpstreamWhenARecordedRequestFirstNamesIt(@TempDir Path dataDir)
      throws Exception {
    String uri;
    try (Gememu gememu = start(Mode.PLAYBACK, "http://127.0.0.1:9", dataDir)) {
      uri = sdk(gememu).files.upload(CSV.getBytes(StandardCharsets.UTF_8),
          UploadFileConfig.builder().mimeType("text/csv").build()).uri().orElseThrow();
    }
    try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = start(Mode.RECORD, google.url(), dataDir)) {
      String answer = sdk(gememu).models.generateContent("gemini-2.5-flash",
          question(uri.replaceFirst("http://127.0.0.1:\\d+", gememu.baseUrl("127.0.0.1"))), null).text();

      assertThat(answer).isEqualTo("The file says: " + CSV);
      assertThat(google.files()).containsOnlyKeys("files/upstream-1");
      assertThat(google.received()).extracting(FakeGoogle.Received::method).hasSize(3);
    }
  }

  @Test
  void theClientsRequestBytesAndQueryReachTheUpstreamAsSentInRecordAndAutoMode() throws Exception {
    String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"What is the sum of 0..9?\"}]}],\n"
        + "   \"tools\": [ {\"codeExecution\": {}} ],  \"futureField\": {\"b\": 2, \"a\": 1.50}}";
    for (Mode mode : List.of(Mode.RECORD, Mode.AUTO)) {
      try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = Gememu.builder()
          .config(config -> config.withPort(0).withRecording(RecordingSettings.defaults().withMode(mode)
              .withUpstream(URI.create(google.url())).withRecordDir(recordings.resolve(mode.name()))))
          .lenient(true).executor(new FakeExecutor()).start()) {
        HttpResponse<String> answer = post(gememu, "/v1beta/models/gemini-2.5-flash:generateContent?key=" + KEY,
            "bytes", body);

        assertThat(answer.statusCode()).as(mode.name()).isEqualTo(200);
        assertThat(google.received()).as(mode.name()).hasSize(1);
        assertThat(google.received().get(0).text()).as(mode.name()).isEqualTo(body);
        assertThat(google.received().get(0).target()).as(mode.name()).endsWith("?key=" + KEY);
      }
    }
    assertNoKeyWasWritten();
  }

  private Gememu start(Mode mode, String upstream) {
    return start(mode, upstream, null);
  }

  private Gememu start(Mode mode, String upstream, Path dataDir) {
    return Gememu.builder().config(config -> config.withPort(0)
        .withFiles(config.files().withDataDirectory(dataDir))
        .withFixtures(FixtureSettings.none().withDirectories(List.of(recordings)))
        .withRecording(RecordingSettings.defaults().withMode(mode).withUpstream(URI.create(upstream))
            .withRecordDir(recordings)))
        .executor(new FakeExecutor()).start();
  }

  private static Client sdk(Gememu gememu) {
    return Client.builder().apiKey(KEY).httpOptions(HttpOptions.builder().baseUrl(gememu.baseUrl("127.0.0.1")).build())
        .build();
  }

  private static com.google.genai.types.Content question(String fileUri) {
    return com.google.genai.types.Content.fromParts(com.google.genai.types.Part.fromUri(fileUri, "text/csv"),
        com.google.genai.types.Part.fromText("What does it say?"));
  }

  private static HttpResponse<String> generate(Gememu gememu, String fileUri) {
    ObjectNode request = JSON.createObjectNode();
    ObjectNode content = request.putArray("contents").addObject();
    content.put("role", "user");
    ObjectNode file = content.putArray("parts").addObject().putObject("fileData");
    file.put("mimeType", "text/csv");
    file.put("fileUri", fileUri);
    ((com.fasterxml.jackson.databind.node.ArrayNode) content.get("parts")).addObject().put("text", "What does it say?");
    return post(gememu, "/v1beta/models/gemini-2.5-flash:generateContent", "uploads/csv", request.toString());
  }

  private static HttpResponse<String> post(Gememu gememu, String path, String test, String body) {
    return new RawHttp(gememu.baseUrl("127.0.0.1")).send(HttpRequest.newBuilder(URI.create(gememu.baseUrl("127.0.0.1")
        + path)).header("Content-Type", "application/json").header("x-goog-api-key", KEY).header("x-gememu-test", test)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String sha256Hex(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private void assertNoKeyWasWritten() throws IOException {
    try (Stream<Path> walk = Files.walk(recordings)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY).doesNotContain("AIzaFAKE");
      }
    }
  }
}
