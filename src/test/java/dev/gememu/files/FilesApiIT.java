package dev.gememu.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.types.Content;
import com.google.genai.types.File;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.ListFilesConfig;
import com.google.genai.types.Part;
import com.google.genai.types.UploadFileConfig;
import dev.gememu.testing.PrefixProxy;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import dev.gememu.testing.Sdk;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Files API through the official Java SDK and raw HTTP, and uploaded files as the code's input files. */
class FilesApiIT {
  private static final long MAX_TOTAL_BYTES = 1 << 20;
  private static final String MODEL = "gemini-2.5-flash";
  private static final String HOST_DIRECTORY = java.nio.file.Path.of("").toAbsolutePath().toString();
  private static final String CSV = "city,temp\nOslo,4\nCairo,31\nLima,19\nPerth,26\n";
  /** Mean of the temp column, computed by the code from the file with the csv module. */
  private static final String MEAN_CODE = String.join("\n",
      "import csv",
      "with open('input_file_0.csv', newline='') as f:",
      "    temps = [int(row['temp']) for row in csv.DictReader(f)]",
      "print(sum(temps) / len(temps))");

  @RegisterExtension
  static final RunningGememu server = RunningGememu.configuredBy(c -> c.withFiles(
      c.files().withLimits(c.files().limits().withMaxTotalBytes(MAX_TOTAL_BYTES))));

  @Test
  void javaSdkUploadsACsvThatTheCodeReadsAsInputFile0() throws Exception {
    File file = upload(server.sdk(), CSV, "temperatures.csv");

    assertThat(file.name().orElseThrow()).matches("files/[a-z0-9]{12}");
    assertThat(file.displayName()).contains("temperatures.csv");
    assertThat(file.mimeType()).contains("text/csv");
    assertThat(file.sizeBytes()).contains((long) CSV.length());
    assertThat(file.sha256Hash()).contains(googleSha256(CSV));
    assertThat(file.state().orElseThrow().toString()).isEqualTo("ACTIVE");
    assertThat(file.source().orElseThrow().toString()).isEqualTo("UPLOADED");
    assertThat(file.uri().orElseThrow()).isEqualTo(server.baseUrl() + "/v1beta/" + file.name().orElseThrow());
    assertThat(Duration.between(file.createTime().orElseThrow(), file.expirationTime().orElseThrow()))
        .isEqualTo(Duration.ofHours(48));
    assertThat(file.updateTime()).isEqualTo(file.createTime());

    GenerateContentResponse response = server.sdk().models.generateContent(MODEL, Content.fromParts(
        Part.fromUri(file.uri().orElseThrow(), "text/csv"), Part.fromText(Sdk.runPrompt(MEAN_CODE))),
        Sdk.withCodeExecution());

    assertThat(response.codeExecutionResult()).isEqualTo("20.0\n");
  }

  @Test
  void javaSdkUploadsThroughABaseUrlWithAPathPrefix() throws Exception {
    try (PrefixProxy proxy = new PrefixProxy(server.baseUrl(), "/gemini")) {
      Client client = Sdk.client(proxy.baseUrl());

      File file = upload(client, CSV, "behind-a-gateway.csv");
      GenerateContentResponse response = client.models.generateContent(MODEL, Content.fromParts(
          Part.fromUri(file.name().orElseThrow(), "text/csv"), Part.fromText(Sdk.runPrompt(MEAN_CODE))),
          Sdk.withCodeExecution());

      assertThat(response.codeExecutionResult()).isEqualTo("20.0\n");
      assertThat(file.uri().orElseThrow()).startsWith(proxy.baseUrl() + "/v1beta/files/");
      // The Java SDK puts the base URL's path in front of the upload URL's path, prefix included.
      assertThat(proxy.requests()).anyMatch(request -> request.startsWith("POST /gemini/gemini/upload/v1beta/files?upload_id="));
      assertThat(proxy.requests()).allMatch(request -> request.contains(" /gemini/"));
    }
  }

  @Test
  void javaSdkListsGetsAndDeletesFiles() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      names.add(upload(server.sdk(), "n\n" + i + "\n", "list-" + i + ".csv").name().orElseThrow());
    }

    List<String> listed = new ArrayList<>();
    server.sdk().files.list(ListFilesConfig.builder().pageSize(2).build()).forEach(f -> listed.add(f.name().orElseThrow()));
    File got = server.sdk().files.get(names.get(1), null);
    server.sdk().files.delete(names.get(1), null);

    assertThat(listed).containsSubsequence(names);
    assertThat(got.displayName()).contains("list-1.csv");
    assertThatThrownBy(() -> server.sdk().files.get(names.get(1), null))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("403")
        .hasMessageContaining("You do not have permission to access the File " + names.get(1).substring(6)
            + " or it may not exist.");
  }

  @Test
  void resumableUploadInTwoChunksNeedsNoKeyOnTheChunks() {
    String uploadUrl = start(CSV.length(), "two-chunks.csv");

    HttpResponse<String> first = chunk(uploadUrl, "upload", 0, CSV.substring(0, 10));
    HttpResponse<String> last = chunk(uploadUrl, "upload, finalize", 10, CSV.substring(10));

    assertThat(uploadUrl).startsWith(server.baseUrl() + "/upload/v1beta/files?upload_id=");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("x-goog-upload-status")).contains("active");
    assertThat(last.statusCode()).isEqualTo(200);
    assertThat(last.headers().firstValue("x-goog-upload-status")).contains("final");
    JsonNode file = RawHttp.tree(last.body()).path("file");
    assertThat(file.path("sizeBytes").asText()).isEqualTo(Integer.toString(CSV.length()));
    assertThat(file.path("displayName").asText()).isEqualTo("two-chunks.csv");
    assertThat(file.path("sha256Hash").asText()).isEqualTo(googleSha256(CSV));
    String id = file.path("name").asText().substring("files/".length());
    for (String version : List.of("v1", "v1beta", "v1alpha")) {
      HttpResponse<String> got = server.http().get("/" + version + "/files/" + id);
      assertThat(got.statusCode()).as(version).isEqualTo(200);
      assertThat(RawHttp.tree(got.body()).path("uri").asText()).isEqualTo(server.baseUrl() + "/" + version + "/files/" + id);
    }
  }

  @Test
  void aChunkAtTheWrongOffsetIsRefusedAndTheUploadGoesOn() {
    String uploadUrl = start(CSV.length(), "offsets.csv");
    chunk(uploadUrl, "upload", 0, CSV.substring(0, 10));

    HttpResponse<String> wrong = chunk(uploadUrl, "upload, finalize", 4, CSV.substring(10));
    HttpResponse<String> right = chunk(uploadUrl, "upload, finalize", 10, CSV.substring(10));

    assertThat(error(wrong, 400).path("message").asText())
        .isEqualTo("Invalid X-Goog-Upload-Offset 4: the upload has 10 bytes so far, so the next chunk must start at offset 10.");
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.headers().firstValue("x-goog-upload-status")).contains("final");
  }

  @Test
  void anUploadLargerThanTheLimitIsRefused() {
    HttpResponse<String> tooBig = server.http().send(startRequest(MAX_TOTAL_BYTES + 1, "big.bin"));
    String uploadUrl = start(4, "liar.csv");
    HttpResponse<String> longerThanAnnounced = chunk(uploadUrl, "upload, finalize", 0, "12345678");

    assertThat(error(tooBig, 400).path("message").asText()).isEqualTo("File size " + (MAX_TOTAL_BYTES + 1)
        + " bytes exceeds the maximum allowed file size of " + MAX_TOTAL_BYTES + " bytes.");
    assertThat(error(longerThanAnnounced, 400).path("message").asText())
        .isEqualTo("The upload is longer than the 4 bytes X-Goog-Upload-Header-Content-Length announced.");
  }

  @Test
  void theJsSdksDoubledUploadPathIsAnsweredLikeTheUploadPath() {
    HttpResponse<String> started = server.http().send(startRequest(CSV.length(), "doubled.csv")
        .uri(URI.create(server.baseUrl() + "/v1beta/upload/v1beta/files")));
    String uploadUrl = started.headers().firstValue("x-goog-upload-url").orElseThrow();

    HttpResponse<String> last = chunk(uploadUrl, "upload, finalize", 0, CSV);

    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(RawHttp.tree(last.body()).path("file").path("displayName").asText()).isEqualTo("doubled.csv");
  }

  @Test
  void startingAnUploadStillNeedsAKey() {
    HttpResponse<String> keyless = server.http().send(startRequest(3, "k.csv").setHeader("x-goog-api-key", ""));

    assertThat(error(keyless, 403).path("status").asText()).isEqualTo("PERMISSION_DENIED");
  }

  @Test
  void unknownFilesAreGooglesPermissionDeniedEverywhere() {
    String generate = "/v1beta/models/" + MODEL + ":generateContent";
    HttpResponse<String> inRequest = server.http().post(generate, """
        {"contents": [{"parts": [{"fileData": {"fileUri": "https://generativelanguage.googleapis.com/v1beta/files/nosuchfile",
          "mimeType": "text/csv"}}, {"text": "Summarise it"}]}]}""");
    HttpResponse<String> get = server.http().get("/v1beta/files/nosuchfile");
    HttpResponse<String> delete = server.http().send(HttpRequest.newBuilder(
        URI.create(server.baseUrl() + "/v1beta/files/nosuchfile")).header("x-goog-api-key", "k").DELETE());

    for (HttpResponse<String> response : List.of(inRequest, get, delete)) {
      assertThat(error(response, 403).path("message").asText())
          .isEqualTo("You do not have permission to access the File nosuchfile or it may not exist.");
    }
  }

  @Test
  void inlineCsvReachesTheCodeAsInputFile0() {
    GenerateContentResponse response = server.sdk().models.generateContent(MODEL, Content.fromParts(
        Part.fromBytes(CSV.getBytes(StandardCharsets.UTF_8), "text/csv"), Part.fromText(Sdk.runPrompt(MEAN_CODE))),
        Sdk.withCodeExecution());

    assertThat(response.codeExecutionResult()).isEqualTo("20.0\n");
  }

  @Test
  void aLaterTurnAddingAFileGetsTheNextNumber() {
    File first = upload(server.sdk(), CSV, "first.csv");
    String code = "import os\nprint(sorted(os.listdir('.')))\nprint(open('input_file_1.csv').read())";
    List<Content> chat = List.of(
        Content.builder().role("user").parts(List.of(Part.fromUri(first.uri().orElseThrow(), "text/csv"),
            Part.fromText("Here is the first file."))).build(),
        Content.builder().role("model").parts(List.of(Part.fromText("I have the first file."))).build(),
        Content.builder().role("user").parts(List.of(Part.fromBytes("x\n42\n".getBytes(StandardCharsets.UTF_8), "text/csv"),
            Part.fromText(Sdk.runPrompt(code)))).build());

    GenerateContentResponse response = server.sdk().models.generateContent(MODEL, chat, Sdk.withCodeExecution());

    assertThat(response.codeExecutionResult()).isEqualTo("['input_file_0.csv', 'input_file_1.csv']\nx\n42\n\n");
  }

  @Test
  void theCodeSeesNothingOfTheHostAndCannotChangeItsInputs() {
    String code = String.join("\n",
        "import os",
        "print(sorted(os.listdir('/')))",
        "print(sorted(os.listdir('..')))",
        "print(os.getcwd(), sorted(os.listdir('.')))",
        "for path in ['/etc/passwd', '/proc/self/environ', '../etc/hostname', '" + HOST_DIRECTORY + "']:",
        "    print(path, os.path.exists(path))",
        "try:",
        "    open('input_file_0.csv', 'w')",
        "except PermissionError:",
        "    print('read-only')",
        "try:",
        "    os.remove('input_file_0.csv')",
        "except PermissionError:",
        "    print('not removable')");
    GenerateContentResponse response = server.sdk().models.generateContent(MODEL, Content.fromParts(
        Part.fromBytes(CSV.getBytes(StandardCharsets.UTF_8), "text/csv"), Part.fromText(Sdk.runPrompt(code))),
        Sdk.withCodeExecution());

    assertThat(response.codeExecutionResult()).isEqualTo(String.join("\n",
        "['root', 'tmp', 'usr']",
        "['root', 'tmp', 'usr']",
        "/root ['input_file_0.csv']",
        "/etc/passwd False",
        "/proc/self/environ False",
        "../etc/hostname False",
        HOST_DIRECTORY + " False",
        "read-only",
        "not removable",
        ""));
  }

  private static File upload(Client client, String csv, String displayName) {
    return client.files.upload(csv.getBytes(StandardCharsets.UTF_8),
        UploadFileConfig.builder().mimeType("text/csv").displayName(displayName).build());
  }

  private static HttpRequest.Builder startRequest(long size, String displayName) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/upload/v1beta/files"))
        .header("x-goog-api-key", "test-key")
        .header("X-Goog-Upload-Protocol", "resumable")
        .header("X-Goog-Upload-Command", "start")
        .header("X-Goog-Upload-Header-Content-Length", Long.toString(size))
        .header("X-Goog-Upload-Header-Content-Type", "text/csv")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"file\": {\"display_name\": \"" + displayName + "\"}}"));
  }

  private static String start(long size, String displayName) {
    HttpResponse<String> started = server.http().send(startRequest(size, displayName));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return started.headers().firstValue("x-goog-upload-url").orElseThrow();
  }

  /** A chunk as the Vercel AI SDK sends it: no API key, only the upload headers. */
  private static HttpResponse<String> chunk(String uploadUrl, String command, long offset, String bytes) {
    return server.http().send(HttpRequest.newBuilder(URI.create(uploadUrl))
        .header("X-Goog-Upload-Command", command)
        .header("X-Goog-Upload-Offset", Long.toString(offset))
        .POST(HttpRequest.BodyPublishers.ofString(bytes)));
  }

  private static JsonNode error(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return RawHttp.tree(response.body()).path("error");
  }

  /** Google's sha256Hash: base64 of the lowercase hex digest. */
  private static String googleSha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
