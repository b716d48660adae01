package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.journal.Exchange;
import dev.gememu.testing.RunningGememu;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExchangeCaptureIT {
  private static final String MODEL = "/v1beta/models/gemini-2.5-flash";

  @RegisterExtension
  static final RunningGememu server = RunningGememu.withDefaults();

  @BeforeEach
  void clear() {
    server.gememu().exchanges().clear();
  }

  @Test
  void capturesAStreamEventByEventExactlyAsSentWithTheKeyRedacted() {
    server.admin().add("{\"name\": \"cap\", \"match\": {\"lastUserText\": \"capture\"}, \"reply\": [{\"text\": \"hello\"}]}",
        "application/json");
    HttpResponse<String> response = server.http().send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + MODEL + ":streamGenerateContent?alt=sse&key=AIzaSECRET"))
        .header("Cookie", "session=SECRETCOOKIE")
        .POST(HttpRequest.BodyPublishers.ofString("{\"contents\": [{\"parts\": [{\"text\": \"capture\"}]}]}")));

    Exchange exchange = only();
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(exchange.events()).isNotEmpty().allSatisfy(event -> assertThat(event).startsWith("data: ").endsWith("\r\n\r\n"));
    assertThat(exchange.responseBody()).isEqualTo(response.body());
    assertThat(exchange.requestBody()).contains("capture");
    assertThat(exchange.query()).isEqualTo("alt=sse&key=REDACTED");
    assertThat(exchange.requestHeader("cookie")).isEqualTo("REDACTED");
    assertThat(exchange.toString()).doesNotContain("AIzaSECRET").doesNotContain("SECRETCOOKIE");
    assertThat(exchange.answeredBy()).isEqualTo("fixture cap (admin)");
    assertThat(exchange.turn().method()).isEqualTo("streamGenerateContent");
    assertThat(exchange.turn().request().lastUserText()).isEqualTo("capture");
  }

  @Test
  void capturesRejectedRequestsCountTokensAndTheModelsList() {
    HttpResponse<String> noKey = server.http().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + MODEL
        + ":generateContent")).POST(HttpRequest.BodyPublishers.ofString("{}")));
    server.http().post(MODEL + ":generateContent", "{not json");
    server.http().post("/v1beta/models/no-such-model:generateContent", "{\"contents\": [{\"parts\": [{\"text\": \"x\"}]}]}");
    server.http().post(MODEL + ":countTokens", "{\"contents\": [{\"parts\": [{\"text\": \"count me\"}]}]}");
    server.http().get("/v1beta/models");
    server.http().get("/v1beta/nowhere");

    List<Exchange> exchanges = server.gememu().exchanges().all();
    assertThat(exchanges).extracting(Exchange::status).containsExactly(403, 400, 404, 200, 200, 404);
    assertThat(exchanges).extracting(Exchange::answeredBy)
        .containsExactly("rejected", "rejected", "rejected", "gememu", "gememu", "rejected");
    assertThat(exchanges.get(0).responseBody()).isEqualTo(noKey.body());
    assertThat(exchanges.get(0).error()).startsWith("Method doesn't allow unregistered callers");
    assertThat(exchanges.get(1).requestBody()).isEqualTo("{not json");
    assertThat(exchanges.get(3).responseBody()).contains("\"totalTokens\"");
    assertThat(exchanges.get(4).method()).isEqualTo("GET");
    assertThat(server.admin().journal()).hasSize(6);
  }

  private static Exchange only() {
    List<Exchange> all = server.gememu().exchanges().all();
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
