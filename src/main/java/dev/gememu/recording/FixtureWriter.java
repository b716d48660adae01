package dev.gememu.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gememu.fixtures.Answer;
import dev.gememu.fixtures.Fixture;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.InvalidFixtureException;
import dev.gememu.fixtures.Match;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes recorded fixtures as YAML files, atomically: the text goes to a hidden temporary file in
 * the same directory (which the fixture loader skips), then replaces the target in one move, so a
 * reader sees the old file or the new one, never half of one. A second recording of the same
 * request becomes the next answer of the file's {@code sequence}, added to the text so the file's
 * comments and layout stay as the user left them; a different request under a name already taken
 * gets the next free name ({@code name-2}, …). Nothing is ever silently overwritten.
 */
public final class FixtureWriter {
  /** Writes bytes to a path; a seam so a test can fail halfway through a write. */
  public interface Bytes {
    void write(Path file, byte[] content) throws IOException;
  }

  static final String HEADER = "# Recorded by gememu. `wire` is served byte for byte; `reply` lists the same answer as\n"
      + "# steps (run them instead, with their real output, with `execute: true` or --reexecute).\n"
      + "# `match.request` must equal the request; loosen `match` by hand to answer more requests.\n";

  private final ObjectMapper yaml = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .build();
  private final FixtureLoader loader = new FixtureLoader();
  private final Bytes bytes;

  public FixtureWriter() {
    this(Files::write);
  }

  public FixtureWriter(Bytes bytes) {
    this.bytes = bytes;
  }

  /** Writes the recorded fixture under {@code dir} as {@code name.yaml} (or the next free name); returns the file. */
  public synchronized Path write(Path dir, String name, Fixture recorded) {
    Path root = dir.toAbsolutePath().normalize();
    for (int n = 1; ; n++) {
      Path file = root.resolve((n == 1 ? name : name + "-" + n) + ".yaml").normalize();
      if (!file.startsWith(root)) {
        throw new IllegalArgumentException("recording name \"" + name + "\" leaves the directory " + root);
      }
      if (!Files.exists(file)) {
        atomically(file, HEADER + yaml(recorded));
        return file;
      }
      Fixture existing;
      try {
        existing = loader.read(file, file.toString(), null);
      } catch (InvalidFixtureException unreadable) {
        continue; // someone's broken file: leave it alone
      }
      if (sameRequest(existing, recorded)) {
        List<Answer> answers = new ArrayList<>(existing.answers());
        answers.addAll(recorded.answers());
        atomically(file, appended(file, answers, recorded).orElseGet(() -> HEADER + yaml(existing.withAnswers(answers))));
        return file;
      }
    }
  }

  /** Whether both are recordings of one request (never a hand-written fixture, which has no request or method). */
  private static boolean sameRequest(Fixture existing, Fixture recorded) {
    Match had = existing.match();
    Match got = recorded.match();
    return (had.request() != null || had.method() != null) && Objects.equals(had.request(), got.request())
        && Objects.equals(had.method(), got.method()) && Objects.equals(had.model(), got.model())
        && had.files().equals(got.files());
  }

  /**
   * The file's text with the new answers appended to its sequence, everything the user wrote kept;
   * empty when the edited text would not read back as exactly these answers (then the file is written anew).
   */
  private Optional<String> appended(Path file, List<Answer> answers, Fixture recorded) {
    try {
      Optional<String> text = SequenceAppender.append(Files.readString(file), yaml(recorded.answers()));
      return text.filter(edited -> {
        try {
          return loader.parse(edited, FixtureLoader.Format.YAML, file.toString(), null).answers().equals(answers);
        } catch (InvalidFixtureException unreadable) {
          return false;
        }
      });
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  private String yaml(Object value) {
    try {
      return yaml.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the recording as YAML", e);
    }
  }

  private void atomically(Path file, String text) {
    Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      bytes.write(temporary, text.getBytes(StandardCharsets.UTF_8));
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the recording " + file, e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // a leftover hidden temporary file is skipped by the loader
      }
    }
  }
}
