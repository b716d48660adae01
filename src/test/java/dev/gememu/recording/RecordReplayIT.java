package dev.gememu.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import dev.gememu.Gememu;
import dev.gememu.config.ServerConfig;
import dev.gememu.fixtures.FixtureSettings;
import dev.gememu.journal.Exchange;
import dev.gememu.testing.FakeGoogle;
import dev.gememu.testing.NodeScript;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.Sdk;
import dev.gememu.executor.ExecutorOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records real-looking traffic through gememu from a fake Google on loopback, with raw HTTP, the
 * Java SDK and the JS SDK, then replays it with the upstream gone: same bodies byte for byte, same
 * event boundaries, and no API key in any byte written.
 */
class RecordReplayIT {
  private static final String KEY = "AIzaFAKE-raw-http-key-never-written";
  private static final String SDK_KEY = "AIzaFAKE-java-sdk-key-never-written";
  private static final String JS_KEY = "AIzaFAKE-js-sdk-key-never-written";
  private static final String FLASH = "/v1beta/models/gemini-2.5-flash";
  private static final String GEMINI3 = "/v1beta/models/gemini-3-flash-preview";

  /** The same calls, made against the recording gememu and then against the replaying one. */
  private static final List<Call> CALLS = List.of(
      new Call("sum", FLASH + ":generateContent", prompt("What is the sum of 0..9?")),
      new Call("power", GEMINI3 + ":streamGenerateContent?alt=sse", prompt("What is 2 ** 10?")),
      new Call("power", GEMINI3 + ":streamGenerateContent", prompt("What is 2 ** 10?")),
      new Call("quota", FLASH + ":generateContent", prompt("Use up my quota")),
      new Call("broken", GEMINI3 + ":streamGenerateContent?alt=sse", prompt("A broken stream")));

  @TempDir
  Path recordings;

  record Call(String test, String path, String body) {}

  @Test
  void recordsThroughGememuThenReplaysByteForByteWithTheUpstreamGone() throws Exception {
    boolean node = nodeAvailable();
    List<String> recordedBodies = new ArrayList<>();
    List<Exchange> recorded;
    GenerateContentResponse sdkRecorded;
    JsonNode jsGenerate = null;
    JsonNode jsStream = null;
    try (FakeGoogle google = FakeGoogle.start();
        Gememu gememu = Gememu.start(config(Mode.RECORD, google.url()))) {
      for (Call call : CALLS) {
        recordedBodies.add(send(gememu, call).body());
      }
      sdkRecorded = sdk(gememu).models.generateContent("gemini-2.5-flash", "Sum 0..9 (java sdk)", Sdk.withCodeExecution());
      if (node) {
        jsGenerate = NodeScript.result("record.mjs", gememu.baseUrl("127.0.0.1"), "generate");
        jsStream = NodeScript.result("record.mjs", gememu.baseUrl("127.0.0.1"), "stream");
      }
      recorded = gememu.exchanges().all();

      assertThat(String.join("", google.sent())).as("relayed exactly as the upstream sent it")
          .isEqualTo(recorded.stream().map(Exchange::responseBody).reduce("", String::concat));
      assertThat(recorded.get(1).events()).as("one event per upstream event, with its framing")
          .containsExactlyElementsOf(google.sent().subList(1, 1 + FakeGoogle.GEMINI3_EVENTS.size()));
      assertThat(recorded.get(3).status()).isEqualTo(429);
      assertThat(google.keys()).as("the client's own key went upstream").startsWith(KEY, KEY, KEY, KEY, KEY, SDK_KEY);
    }

    try (Gememu gememu = Gememu.start(config(Mode.PLAYBACK, "http://127.0.0.1:9").withFixtures(
        FixtureSettings.none().withDirectories(List.of(recordings))))) {
      for (int i = 0; i < CALLS.size(); i++) {
        HttpResponse<String> replayed = send(gememu, CALLS.get(i));
        assertThat(replayed.body()).as(CALLS.get(i).path()).isEqualTo(recordedBodies.get(i));
        assertThat(replayed.statusCode()).isEqualTo(recorded.get(i).status());
      }
      GenerateContentResponse sdkReplayed =
          sdk(gememu).models.generateContent("gemini-2.5-flash", "Sum 0..9 (java sdk)", Sdk.withCodeExecution());
      assertThat(sdkReplayed.codeExecutionResult()).isEqualTo("45\n").isEqualTo(sdkRecorded.codeExecutionResult());
      assertThat(sdkReplayed.text()).isEqualTo(sdkRecorded.text());
      if (node) {
        assertThat(NodeScript.result("record.mjs", gememu.baseUrl("127.0.0.1"), "generate")).isEqualTo(jsGenerate);
        JsonNode replayedStream = NodeScript.result("record.mjs", gememu.baseUrl("127.0.0.1"), "stream");
        assertThat(replayedStream).isEqualTo(jsStream);
        assertThat(replayedStream.at("/events").size()).isEqualTo(FakeGoogle.GEMINI3_EVENTS.size());
      }
      List<Exchange> replayed = gememu.exchanges().all();
      for (int i = 0; i < recorded.size(); i++) {
        assertThat(replayed.get(i).responseBody()).as("exchange " + i).isEqualTo(recorded.get(i).responseBody());
        assertThat(replayed.get(i).events()).as("event boundaries of exchange " + i)
            .isEqualTo(recorded.get(i).events());
      }
      assertThat(replayed.get(0).answeredBy()).startsWith("fixture sum");
    }

    assertNoKeyWasWritten();
  }

  @Test
  void aRecordedStreamAskedForWholeIsAssembledAndAWholeAnswerAskedAsAStreamIsSplit() throws Exception {
    try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = Gememu.start(config(Mode.RECORD, google.url()))) {
      send(gememu, CALLS.get(0));
      send(gememu, CALLS.get(1));
    }
    try (Gememu gememu = Gememu.start(config(Mode.PLAYBACK, "http://127.0.0.1:9"))) {
      JsonNode whole = RawHttp.tree(send(gememu, new Call("power", GEMINI3 + ":generateContent", CALLS.get(1).body())).body());
      assertThat(whole.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("Let me compute");
      assertThat(whole.at("/candidates/0/content/parts/1/executableCode/code").asText()).isEqualTo("print(2 ** 10)\n");
      assertThat(whole.at("/candidates/0/content/parts/3/codeExecutionResult/output").asText()).isEqualTo("1024\n");
      assertThat(whole.at("/candidates/0/content/parts/4/text").asText()).isEqualTo(" that: 2 to the 10th is 1024.");
      assertThat(whole.at("/candidates/0/content/parts/4/thoughtSignature").asText()).isEqualTo("c2lnbmF0dXJlLTI=");
      assertThat(whole.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
      assertThat(whole.at("/usageMetadata/totalTokenCount").asInt()).isEqualTo(60);

      List<Exchange> before = gememu.exchanges().all();
      send(gememu, new Call("sum", FLASH + ":streamGenerateContent?alt=sse", CALLS.get(0).body()));
      Exchange split = gememu.exchanges().all().get(before.size());
      assertThat(split.events()).hasSize(4).allSatisfy(event -> assertThat(event).startsWith("data: {").endsWith("}\r\n\r\n"));
      assertThat(split.events().get(3)).contains("\"finishReason\": \"STOP\"");
      assertThat(split.events().get(0)).doesNotContain("finishReason");
    }
  }

  @Test
  void aChangedPromptGetsANearMissThatShowsTheDifferenceAndEditedExpectIsDriftWhenReexecuted() throws Exception {
    try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = Gememu.start(config(Mode.RECORD, google.url()))) {
      send(gememu, CALLS.get(0));
    }
    Path file = recordings.resolve("sum.yaml");
    ExecutorOptions oneWorker = ExecutorOptions.defaults().withKind(ExecutorOptions.Kind.IN_PROCESS);
    assertThat(Verifier.run(List.of(recordings), new PrintStream(OutputStream.nullOutputStream()), oneWorker))
        .as("the recorded output is what the code prints").isEqualTo(Verifier.OK);
    Files.writeString(file, Files.readString(file).replaceFirst("(expect: \\|\\n\\s*)45", "$146"));

    try (Gememu gememu = Gememu.start(config(Mode.PLAYBACK, "http://127.0.0.1:9")
        .withRecording(RecordingSettings.defaults().withRecordDir(recordings).withReexecute(true)))) {
      HttpResponse<String> changed = send(gememu, new Call("sum", FLASH + ":generateContent", prompt("What is the sum of 0..8?")));
      assertThat(changed.statusCode()).isEqualTo(404);
      assertThat(RawHttp.tree(changed.body()).at("/error/message").asText())
          .contains("request: contents[0].parts[0].text: recorded \"What is the sum of 0..9?\", got \"What is the sum of 0..8?\"");

      HttpResponse<String> rerun = send(gememu, CALLS.get(0));
      assertThat(rerun.headers().firstValue("x-gememu-drift")).hasValueSatisfying(drift -> assertThat(drift).contains("steps=1"));
      assertThat(RawHttp.tree(rerun.body()).at("/candidates/0/content/parts/2/codeExecutionResult/output").asText())
          .isEqualTo("45\n");
      assertThat(gememu.exchanges().all().get(1).turn().drift()).isTrue();
    }

    ByteArrayOutputStream table = new ByteArrayOutputStream();
    assertThat(Verifier.run(List.of(recordings), new PrintStream(table, true, StandardCharsets.UTF_8), oneWorker))
        .isEqualTo(Verifier.DRIFT);
    assertThat(table.toString(StandardCharsets.UTF_8)).contains("sum").contains("drifted")
        .contains("recorded: \"46\\n\"").contains("now:      \"45\\n\"");
  }

  @Test
  void autoModeRecordsAMissThenPlaysItBackWithoutCallingTheUpstreamAgain() {
    try (FakeGoogle google = FakeGoogle.start(); Gememu gememu = Gememu.start(config(Mode.AUTO, google.url()))) {
      HttpResponse<String> first = send(gememu, CALLS.get(0));
      HttpResponse<String> second = send(gememu, CALLS.get(0));

      assertThat(second.body()).isEqualTo(first.body()).isEqualTo(FakeGoogle.GENERATE);
      assertThat(google.sent()).hasSize(1);
      assertThat(gememu.exchanges().all()).extracting(Exchange::answeredBy)
          .satisfiesExactly(by -> assertThat(by).isEqualTo("upstream " + google.url()), by -> assertThat(by).startsWith("fixture sum ("));
    }
  }

  @Test
  void anUnreachableUpstreamIsAGoogleShaped503NamingIt() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (Gememu gememu = Gememu.start(config(Mode.RECORD, "http://127.0.0.1:" + closedPort))) {
      HttpResponse<String> response = send(gememu, CALLS.get(0));

      assertThat(response.statusCode()).isEqualTo(503);
      JsonNode error = RawHttp.tree(response.body()).get("error");
      assertThat(error.get("status").asText()).isEqualTo("UNAVAILABLE");
      assertThat(error.get("message").asText()).contains("http://127.0.0.1:" + closedPort);
    }
    try (Stream<Path> written = Files.list(recordings)) {
      assertThat(written).as("nothing recorded").isEmpty();
    }
  }

  private ServerConfig config(Mode mode, String upstream) {
    ServerConfig base = ServerConfig.defaults().withPort(0);
    return base.withLimits(base.limits().withWarmContexts(1)).withExecutor(base.executor().withWorkers(1)).withRecording(RecordingSettings.defaults()
        .withMode(mode).withUpstream(URI.create(upstream)).withRecordDir(recordings));
  }

  private static HttpResponse<String> send(Gememu gememu, Call call) {
    return new RawHttp(gememu.baseUrl("127.0.0.1")).send(HttpRequest.newBuilder(
            URI.create(gememu.baseUrl("127.0.0.1") + call.path()))
        .header("Content-Type", "application/json")
        .header("x-goog-api-key", KEY)
        .header("x-gememu-test", call.test())
        .header("Cookie", "session=" + KEY)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(call.body())));
  }

  private static Client sdk(Gememu gememu) {
    return Client.builder().apiKey(SDK_KEY).httpOptions(HttpOptions.builder().baseUrl(gememu.baseUrl("127.0.0.1"))
        .headers(Map.of("x-gememu-test", "java-sdk/sum")).build()).build();
  }

  private static String prompt(String text) {
    return "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"" + text + "\"}]}],"
        + " \"tools\": [{\"code_execution\": {}}]}";
  }

  private void assertNoKeyWasWritten() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(recordings)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).extracting(path -> recordings.relativize(path).toString().replace('\\', '/'))
        .contains("sum.yaml", "power.yaml", "quota.yaml", "broken.yaml", "java-sdk/sum.yaml")
        .noneMatch(name -> name.startsWith(".") || name.contains("/."));
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(text).as(file.toString()).doesNotContain(KEY).doesNotContain(SDK_KEY).doesNotContain(JS_KEY)
          .doesNotContain("AIzaFAKE");
    }
  }

  private static boolean nodeAvailable() {
    return Files.isDirectory(NodeScript.DIRECTORY.resolve("node_modules/@google/genai"));
  }
}
