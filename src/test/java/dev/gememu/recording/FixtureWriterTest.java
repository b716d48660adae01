package dev.gememu.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gememu.api.Framing;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.Content;
import dev.gememu.api.Part;
import dev.gememu.fixtures.Answer;
import dev.gememu.fixtures.Fixture;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.Match;
import dev.gememu.fixtures.ReplyStep;
import dev.gememu.fixtures.WireRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureWriterTest {
  @TempDir
  Path dir;

  @Test
  void concurrentRecordingsOfTwoTestsAndOfOneRequestLoseNothing() throws Exception {
    FixtureWriter writer = new FixtureWriter();
    int each = 8;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Path>> writes = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      for (String test : List.of("test-a", "test-b")) {
        writes.add(pool.submit(() -> {
          start.await();
          return writer.write(dir, test, recording(test, "answer"));
        }));
      }
    }
    start.countDown();
    for (Future<Path> write : writes) {
      write.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(names()).containsExactlyInAnyOrder("test-a.yaml", "test-b.yaml");
    FixtureLoader loader = new FixtureLoader();
    for (String test : List.of("test-a", "test-b")) {
      Fixture read = loader.read(dir.resolve(test + ".yaml"), test, test);
      assertThat(read.answers()).as("every recording of the same request is the next answer of the sequence")
          .hasSize(each);
    }
  }

  @Test
  void aDifferentRequestUnderATakenNameGetsTheNextNameAndTheFileReadsBackAsWritten() throws IOException {
    FixtureWriter writer = new FixtureWriter();

    writer.write(dir, "t", recording("first prompt", "one"));
    writer.write(dir, "t", recording("second prompt", "two"));

    assertThat(names()).containsExactlyInAnyOrder("t.yaml", "t-2.yaml");
    Fixture second = new FixtureLoader().read(dir.resolve("t-2.yaml"), "t-2", "t-2");
    assertThat(second.answers().get(0).wire()).isEqualTo(wire("two"));
    assertThat(Files.readString(dir.resolve("t.yaml"))).startsWith("# Recorded by gememu.");
  }

  @Test
  void aFailureHalfwayThroughAWriteLeavesNoPartialFileAndTheOldOneIntact() throws IOException {
    new FixtureWriter().write(dir, "t", recording("prompt", "one"));
    String before = Files.readString(dir.resolve("t.yaml"));
    FixtureWriter failing = new FixtureWriter((file, content) -> {
      Files.write(file, Arrays.copyOf(content, content.length / 2));
      throw new IOException("disk full");
    });

    assertThatThrownBy(() -> failing.write(dir, "t", recording("prompt", "two"))).hasMessageContaining("t.yaml");
    assertThatThrownBy(() -> failing.write(dir, "new", recording("other", "three"))).hasMessageContaining("new.yaml");

    assertThat(names()).containsExactly("t.yaml");
    assertThat(Files.readString(dir.resolve("t.yaml"))).isEqualTo(before);
  }

  @Test
  void anotherAnswerToTheSameRequestIsAppendedToTheSequenceKeepingWhatTheUserWrote() throws IOException {
    FixtureWriter writer = new FixtureWriter();
    writer.write(dir, "t", recording("prompt", "one"));
    Path file = dir.resolve("t.yaml");
    String edited = "# Why: the flaky checkout test calls this twice.\n" + Files.readString(file)
        .replace("match:\n", "match:  # recorded on 3 December\n")
        .replace("description: test\n", "description: test\nname: checkout  # renamed by hand\n");
    Files.writeString(file, edited);

    writer.write(dir, "t", recording("prompt", "two"));
    String twice = Files.readString(file);
    writer.write(dir, "t", recording("prompt", "three"));
    String thrice = Files.readString(file);

    assertThat(twice).contains("# Why: the flaky checkout test calls this twice.\n")
        .contains("match:  # recorded on 3 December\n").contains("name: checkout  # renamed by hand\n")
        .contains("\nsequence:\n- ");
    assertThat(thrice).as("the third answer is added after the two, the rest untouched")
        .startsWith(twice.substring(0, twice.length() - 1));
    Fixture read = new FixtureLoader().read(file, "t", "t");
    assertThat(read.name()).isEqualTo("checkout");
    assertThat(read.answers()).extracting(Answer::wire).containsExactly(wire("one"), wire("two"), wire("three"));
  }

  @Test
  void aTestNameCannotLeaveTheDirectory() {
    assertThat(Recorder.safeName("../../etc/passwd")).isEqualTo("etc/passwd");
    assertThat(Recorder.safeName("MyTest#sums numbers()")).isEqualTo("MyTest-sums-numbers-");
    assertThatThrownBy(() -> new FixtureWriter().write(dir, "../escape", recording("p", "x")))
        .hasMessageContaining("leaves the directory");
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(path -> path.getFileName().toString()).toList();
    }
  }

  private static Fixture recording(String prompt, String answer) {
    GenerateContentRequest request = GenerateContentRequest.of(List.of(new Content(List.of(Part.text(prompt)), "user")), null);
    return Fixture.of(null, "test", null, Match.recorded("gemini-2.5-flash", request, List.of()),
        List.of(Answer.recorded(List.of(ReplyStep.text(answer)), wire(answer))));
  }

  private static WireRecording wire(String answer) {
    return new WireRecording(200, Map.of("Content-Type", "text/event-stream"), Framing.SSE, null,
        List.of("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"" + answer + "\"}]}}]}\r\n\r\n",
            "data: {\"x\": \"trailing space \"}\r\n\r\n"));
  }
}
