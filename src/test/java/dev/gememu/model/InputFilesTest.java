package dev.gememu.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.api.Blob;
import dev.gememu.api.Content;
import dev.gememu.api.Part;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputFilesTest {

  @Test
  void namesTheUsersInlineDataInputFileNInOrderWithItsExtension() {
    List<Content> contents = List.of(
        new Content(List.of(Part.text("look"), inline("image/png", "png-bytes")), "user"),
        new Content(List.of(inline("image/png", "the model's own image")), "model"),
        new Content(List.of(inline("text/csv", "a,b\n1,2\n"), inline("application/x-unknown", "?")), null));

    Map<String, byte[]> files = InputFiles.of(contents);

    assertThat(files.keySet()).containsExactly("input_file_0.png", "input_file_1.csv", "input_file_2.bin");
    assertThat(new String(files.get("input_file_1.csv"), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
  }

  private static Part inline(String mimeType, String text) {
    return Part.inline(new Blob(mimeType, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)), null));
  }
}
