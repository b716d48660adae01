package dev.gememu.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.api.CodeExecutionResult;
import dev.gememu.api.Outcome;
import dev.gememu.api.Part;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StreamChunkerTest {

  @Test
  void splitsLongTextAtWordBoundariesWithoutLosingCharacters() {
    String text = "The sum of the first fifty prime numbers is 5117, which the code computed and printed.";

    List<Part> chunks = StreamChunker.chunks(Part.text(text));

    assertThat(chunks.size()).isGreaterThan(1);
    assertThat(chunks.stream().map(Part::text).collect(Collectors.joining())).isEqualTo(text);
    assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(StreamChunker.TARGET_CHUNK_CHARS));
  }

  @Test
  void keepsCodeResultsWhole() {
    Part result = Part.result(new CodeExecutionResult(Outcome.OUTCOME_OK, "x".repeat(500)));

    assertThat(StreamChunker.chunks(result)).containsExactly(result);
  }

  @Test
  void putsTheThoughtSignatureOnTheLastChunkOnly() {
    List<Part> chunks = StreamChunker.chunks(Part.text("word ".repeat(30)).withThoughtSignature("sig"));

    assertThat(chunks.get(chunks.size() - 1).thoughtSignature()).isEqualTo("sig");
    assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.thoughtSignature()).isNull());
  }
}
