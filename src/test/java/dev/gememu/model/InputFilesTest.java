package dev.gememu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gememu.api.ApiException;
import dev.gememu.api.Blob;
import dev.gememu.api.Content;
import dev.gememu.api.FileData;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.Part;
import dev.gememu.api.Status;
import dev.gememu.files.FileLimits;
import dev.gememu.files.FileStore;
import dev.gememu.files.StoredFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import dev.gememu.testing.MutableClock;
import org.junit.jupiter.api.Test;

class InputFilesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final FileStore store = FileStore.inMemory(FileLimits.defaults(), clock, new Random(1));
  private final InputFiles inputFiles = new InputFiles(store);

  @Test
  void namesUploadedAndInlineFilesOfTheUserTurnsInConversationOrder() {
    StoredFile uploaded = store.create(null, "sales.csv", "text/csv", bytes("month,sales\n1,10\n"));
    GenerateContentRequest request = request(
        new Content(List.of(Part.text("look"), inline("image/png", "png-bytes")), "user"),
        new Content(List.of(inline("image/png", "the model's own image")), "model"),
        new Content(List.of(fileData("https://generativelanguage.googleapis.com/v1beta/" + uploaded.name()),
            inline("application/x-unknown", "?"), fileData("https://www.youtube.com/watch?v=9hE5-98ZeCg")), null),
        new Content(List.of(fileData(uploaded.name())), "user"));

    List<InputFiles.InputFile> files = inputFiles.of(request);
    Map<String, byte[]> contents = InputFiles.contents(files);

    assertThat(files).extracting(InputFiles.InputFile::sandboxName)
        .containsExactly("input_file_0.png", "input_file_1.csv", "input_file_2.bin", "input_file_3.csv");
    assertThat(files.get(1).displayName()).isEqualTo("sales.csv");
    assertThat(files.get(1).sha256()).isEqualTo(uploaded.sha256());
    assertThat(new String(contents.get("input_file_1.csv"), StandardCharsets.UTF_8)).isEqualTo("month,sales\n1,10\n");
    assertThat(new String(contents.get("input_file_0.png"), StandardCharsets.UTF_8)).isEqualTo("png-bytes");
  }

  @Test
  void anUnknownOrExpiredFileIsGooglesPermissionDenied() {
    StoredFile uploaded = store.create(null, null, "text/csv", bytes("a\n"));
    clock.advance(Duration.ofHours(48));

    for (String uri : List.of("files/nosuchfile", uploaded.name())) {
      String id = uri.substring("files/".length());
      assertThatThrownBy(() -> inputFiles.of(request(new Content(List.of(fileData(uri)), "user"))))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(Status.PERMISSION_DENIED))
          .hasMessage("You do not have permission to access the File " + id + " or it may not exist.");
    }
  }

  @Test
  void inlineDataThatIsNotBase64IsAnInvalidValue() {
    GenerateContentRequest request = request(new Content(List.of(Part.text("x"),
        Part.inline(new Blob("text/csv", "not base64!", null))), "user"));

    assertThatThrownBy(() -> inputFiles.of(request))
        .hasMessage("Invalid value at 'contents[0].parts[1].inline_data.data' (TYPE_BYTES), Base64 decoding failed"
            + " for \"not base64!\"");
  }

  @Test
  void extensionsComeFromTheMimeType() {
    assertThat(InputFiles.extension("text/csv")).isEqualTo("csv");
    assertThat(InputFiles.extension("text/csv; charset=utf-8")).isEqualTo("csv");
    assertThat(InputFiles.extension("IMAGE/PNG")).isEqualTo("png");
    assertThat(InputFiles.extension("image/jpeg")).isEqualTo("jpg");
    assertThat(InputFiles.extension(null)).isEqualTo("bin");
  }

  private static GenerateContentRequest request(Content... contents) {
    return GenerateContentRequest.of(List.of(contents), List.of());
  }

  private static Part inline(String mimeType, String text) {
    return Part.inline(new Blob(mimeType, Base64.getEncoder().encodeToString(bytes(text)), null));
  }

  private static Part fileData(String uri) {
    return new Part(null, null, new FileData("text/csv", uri, null), null, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
