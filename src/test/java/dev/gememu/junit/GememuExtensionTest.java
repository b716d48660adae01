package dev.gememu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.FixtureBuilder;
import dev.gememu.Gememu;
import dev.gememu.GememuBuilder;
import dev.gememu.journal.ExchangeStore;
import dev.gememu.testing.FakeExecutor;
import dev.gememu.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A server per test method, configured on the annotation with a fake executor (no Python start-up). */
@GememuTest(fixtures = "gememu-api/hello.yaml", lifecycle = GememuTest.Lifecycle.PER_METHOD,
    configure = GememuExtensionTest.FakePython.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GememuExtensionTest {
  private static ExchangeStore firstServer;

  static final class FakePython implements UnaryOperator<GememuBuilder> {
    @Override
    public GememuBuilder apply(GememuBuilder builder) {
      return builder.executor(new FakeExecutor()).apiKeys("gememu-test-key");
    }
  }

  private static String ask(Gememu gememu, String text) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create(gememu.baseUrl() + "/v1beta/models/gemini-2.5-flash:generateContent"))
        .header("Content-Type", "application/json").header("x-goog-api-key", "gememu-test-key")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + text + "\"}]}]}"));
    gememu.headers().forEach(request::header);
    return RawHttp.tree(new RawHttp(gememu.baseUrl()).send(request).body())
        .at("/candidates/0/content/parts/0/text").asText();
  }

  @Test
  @Order(1)
  void servesTheAnnotationsFixturesAndTheTestsOwn(Gememu gememu) {
    gememu.fixture(FixtureBuilder.named("mine").lastUserText("mine?").text("only in test 1"));

    assertThat(ask(gememu, "hello")).isEqualTo("Hello from a class path fixture.");
    assertThat(ask(gememu, "mine?")).isEqualTo("only in test 1");
    assertThat(gememu.requests().count()).isEqualTo(2);
    firstServer = gememu.exchanges();
  }

  @Test
  @Order(2)
  void eachTestGetsItsOwnServer(Gememu gememu, @BaseUrl String baseUrl) {
    assertThat(gememu.exchanges()).isNotSameAs(firstServer);
    assertThat(baseUrl).isEqualTo(gememu.baseUrl());
    assertThat(gememu.requests().count()).isZero();
    assertThat(ask(gememu, "hello")).isEqualTo("Hello from a class path fixture.");
  }
}
