package dev.gememu.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.api.ApiException;
import dev.gememu.api.Content;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;
import dev.gememu.api.Outcome;
import dev.gememu.api.Part;
import dev.gememu.api.Status;
import dev.gememu.model.ExecutedCode;
import dev.gememu.model.Reply;
import dev.gememu.model.TurnListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  private final ModelCall call = new ModelCall("v1beta", "gemini-2.5-flash", ModelCall.Method.STREAM_GENERATE_CONTENT);
  private final GenerateContentRequest request = GenerateContentRequest.of(List.of(
      new Content(List.of(Part.text("hi")), null),
      new Content(List.of(Part.text("a").asThought(), Part.text("b")), "model"),
      new Content(List.of(Part.text("sum?")), "user")), null);

  @Test
  void recordsAnAnsweredCallWithItsCodeAndDrift() {
    Journal journal = new Journal(clock, 10);
    ExecutedCode run = new ExecutedCode("print(1)", Outcome.OUTCOME_OK, "1\n", "2\n", Duration.ofMillis(7));

    journal.begin(call, request).answered(new Reply.Scripted(List.of(), "fixture f (x.yaml)"), List.of(run));

    assertThat(journal.entries()).containsExactly(new JournalEntry(1, "2026-01-02T03:04:05Z",
        "streamGenerateContent", "gemini-2.5-flash", "sum?", List.of("user: text", "model: thought, text", "user: text"),
        "fixture f (x.yaml)", 200, null,
        List.of(new JournalEntry.CodeRun("print(1)", "OUTCOME_OK", "1\n", "2\n", true, 7)), true, 0, List.of()));
  }

  @Test
  void recordsAFailedCallWithItsStatusAndKeepsOnlyTheNewestEntries() {
    Journal journal = new Journal(clock, 2);
    TurnListener.Observation first = journal.begin(call, request);
    first.failed(null, new ApiException(Status.NOT_FOUND, "no reply"));
    journal.begin(call, request).failed(new Reply.Failure(new ApiException(Status.UNAVAILABLE, "busy"), "fixture s (a)"),
        new ApiException(Status.UNAVAILABLE, "busy"));
    journal.begin(call, request).failed(null, new IllegalStateException("boom"));

    assertThat(journal.entries()).extracting(JournalEntry::id).containsExactly(2L, 3L);
    assertThat(journal.entries()).extracting(JournalEntry::status).containsExactly(503, 500);
    assertThat(journal.entries().get(0).reply()).isEqualTo("fixture s (a)");
    journal.clear();
    assertThat(journal.entries()).isEmpty();
  }
}
