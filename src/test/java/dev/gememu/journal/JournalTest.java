package dev.gememu.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.api.Content;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.Outcome;
import dev.gememu.api.Part;
import dev.gememu.model.ExecutedCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalTest {
  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  private static final String STREAM_PATH = "/v1beta/models/gemini-2.5-flash:streamGenerateContent";
  private final GenerateContentRequest request = GenerateContentRequest.of(List.of(
      new Content(List.of(Part.text("hi")), null),
      new Content(List.of(Part.text("a").asThought(), Part.text("b")), "model"),
      new Content(List.of(Part.text("sum?")), "user")), null);

  @Test
  void summarisesAnAnsweredCallWithItsCodeAndDrift() {
    ExchangeStore store = new ExchangeStore(10);
    ExecutedCode run = new ExecutedCode("print(1)", Outcome.OUTCOME_OK, "1\n", "2\n", Duration.ofMillis(7));
    store.add(exchange(STREAM_PATH, 200, null, "fixture f (x.yaml)",
        new ModelTurn("gemini-2.5-flash", "streamGenerateContent", request, "fixture f (x.yaml)", List.of(run), List.of())));

    assertThat(new Journal(store).entries()).containsExactly(new JournalEntry(1, "2026-01-02T03:04:05Z",
        "streamGenerateContent", "gemini-2.5-flash", "sum?", List.of("user: text", "model: thought, text", "user: text"),
        "fixture f (x.yaml)", 200, null,
        List.of(new JournalEntry.CodeRun("print(1)", "OUTCOME_OK", "1\n", "2\n", true, 7)), true, 12, List.of(),
        "POST " + STREAM_PATH, "fixture f (x.yaml)"));
  }

  @Test
  void summarisesARejectedRequestFromItsPathAndKeepsOnlyTheNewestExchanges() {
    ExchangeStore store = new ExchangeStore(2);
    store.add(exchange(STREAM_PATH, 404, "no reply", Exchange.REJECTED, null));
    store.add(exchange("/v1beta/models/gemini-2.5-pro:countTokens", 403, "no key", Exchange.REJECTED, null));
    store.add(exchange("/v1beta/models", 200, null, Exchange.GEMEMU, null));

    List<JournalEntry> entries = new Journal(store).entries();

    assertThat(entries).extracting(JournalEntry::id).containsExactly(2L, 3L);
    assertThat(entries).extracting(JournalEntry::status).containsExactly(403, 200);
    assertThat(entries).extracting(JournalEntry::method).containsExactly("countTokens", "POST");
    assertThat(entries).extracting(JournalEntry::model).containsExactly("gemini-2.5-pro", null);
    assertThat(entries.get(0).error()).isEqualTo("no key");
    new Journal(store).clear();
    assertThat(new Journal(store).entries()).isEmpty();
  }

  @Test
  void listenersHearEachExchangeUntilTheyUnsubscribe() throws Exception {
    ExchangeStore store = new ExchangeStore(5);
    List<Long> heard = new ArrayList<>();
    AutoCloseable subscription = store.subscribe(exchange -> heard.add(exchange.id()));
    store.add(exchange(STREAM_PATH, 200, null, Exchange.GEMEMU, null));
    subscription.close();
    store.add(exchange(STREAM_PATH, 200, null, Exchange.GEMEMU, null));

    assertThat(heard).containsExactly(1L);
  }

  @Test
  void redactsKeysCookiesAuthorizationAndNamedHeadersAndJsonFields() {
    Redaction redaction = Redaction.of(List.of("X-Team-Token", "json:secret"));

    assertThat(redaction.query("alt=sse&key=AIzaSECRET&x=1")).isEqualTo("alt=sse&key=REDACTED&x=1");
    assertThat(redaction.headers(Map.of("X-Goog-Api-Key", List.of("AIzaSECRET"), "Cookie", List.of("a=b"),
        "Authorization", List.of("Bearer t"), "x-team-token", List.of("t"), "Accept", List.of("*/*"))))
        .containsEntry("x-goog-api-key", List.of("REDACTED")).containsEntry("cookie", List.of("REDACTED"))
        .containsEntry("authorization", List.of("REDACTED")).containsEntry("x-team-token", List.of("REDACTED"))
        .containsEntry("accept", List.of("*/*"));
    assertThat(redaction.json("{\"a\": {\"secret\" : \"s\\\"3\"}, \"b\": \"secret\"}"))
        .isEqualTo("{\"a\": {\"secret\" : \"REDACTED\"}, \"b\": \"secret\"}");
  }

  private static Exchange exchange(String path, int status, String error, String answeredBy, ModelTurn turn) {
    return new Exchange(0, START, Duration.ofMillis(12), "POST", path, "", Map.of(), "{}", status, Map.of(), "{}",
        List.of(), error, answeredBy, turn);
  }
}
