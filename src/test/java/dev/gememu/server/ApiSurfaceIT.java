package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.Pager;
import com.google.genai.errors.ApiException;
import com.google.genai.types.CountTokensResponse;
import com.google.genai.types.ListModelsConfig;
import com.google.genai.types.Model;
import dev.gememu.Gememu;
import dev.gememu.config.ServerConfig;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import dev.gememu.testing.Sdk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** countTokens, models, auth and the transport details the SDKs rely on. */
class ApiSurfaceIT {
  @RegisterExtension
  static final RunningGememu server = RunningGememu.withDefaults();

  @Test
  void countTokensAgreesWithPromptTokenCount() {
    String prompt = Sdk.runPrompt("print('a fairly long line of python to count')");
    CountTokensResponse counted = server.sdk().models.countTokens("gemini-2.5-flash", prompt, null);
    var generated = server.sdk().models.generateContent("gemini-2.5-flash", prompt, Sdk.withCodeExecution());

    assertThat(counted.totalTokens().orElseThrow()).isPositive()
        .isEqualTo(generated.usageMetadata().orElseThrow().promptTokenCount().orElseThrow());
  }

  @Test
  void countTokensTakesAWholeGenerateContentRequestWithItsSystemInstruction() {
    String contents = "[{\"parts\": [{\"text\": \"How many primes are below 100?\"}]}]";
    JsonNode bare = RawHttp.tree(server.http().post("/v1beta/models/gemini-2.5-flash:countTokens",
        "{\"contents\": " + contents + "}").body());
    JsonNode whole = RawHttp.tree(server.http().post("/v1beta/models/gemini-2.5-flash:countTokens",
        "{\"generateContentRequest\": {\"model\": \"models/gemini-2.5-flash\", \"contents\": " + contents
            + ", \"systemInstruction\": {\"parts\": [{\"text\": \"Be brief.\"}]}}}").body());

    assertThat(bare.get("totalTokens").asInt()).isEqualTo(8);
    assertThat(whole.get("totalTokens").asInt()).isEqualTo(8 + 3);
  }

  @Test
  void usageAddsUpLikeGooglesWhenCodeRan() {
    var usage = server.sdk().models.generateContent("gemini-2.5-flash", Sdk.runPrompt("print(1)"), Sdk.withCodeExecution())
        .usageMetadata().orElseThrow();

    assertThat(usage.toolUsePromptTokenCount()).isPresent();
    assertThat(usage.totalTokenCount().orElseThrow()).isEqualTo(usage.promptTokenCount().orElseThrow()
        + usage.candidatesTokenCount().orElseThrow() + usage.toolUsePromptTokenCount().orElseThrow());
  }

  @Test
  void listsModelsPageByPage() {
    Pager<Model> pager = server.sdk().models.list(ListModelsConfig.builder().pageSize(2).build());
    List<String> names = new ArrayList<>();
    pager.forEach(model -> names.add(model.name().orElseThrow()));

    assertThat(pager.page()).hasSizeLessThanOrEqualTo(2);
    assertThat(names).containsExactlyElementsOf(
        ServerConfig.defaults().models().stream().map(id -> "models/" + id).toList());
  }

  @Test
  void rawModelListCarriesNextPageToken() {
    int served = ServerConfig.defaults().models().size();
    JsonNode page = RawHttp.tree(server.http().get("/v1beta/models?pageSize=3").body());

    assertThat(page.get("models")).hasSize(3);
    JsonNode rest = RawHttp.tree(server.http().get("/v1beta/models?pageSize=" + served + "&pageToken="
        + page.get("nextPageToken").asText()).body());
    assertThat(rest.get("models")).hasSize(served - 3);
    assertThat(rest.has("nextPageToken")).isFalse();
  }

  @Test
  void getsOneModelWithRealisticLimits() {
    Model model = server.sdk().models.get("gemini-2.5-pro", null);

    assertThat(model.name()).contains("models/gemini-2.5-pro");
    assertThat(model.inputTokenLimit()).contains(1_048_576);
    assertThat(model.outputTokenLimit()).contains(65_536);
    assertThat(model.supportedActions().orElseThrow()).contains("generateContent", "countTokens");
    assertThat(model.thinking()).contains(true);
  }

  @Test
  void missingKeyGetsGoogles403() {
    HttpResponse<String> response = server.http().send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/v1beta/models/gemini-2.5-flash:generateContent"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(RawHttp.tree(response.body())).isEqualTo(RawHttp.tree("""
        {"error": {"code": 403, "status": "PERMISSION_DENIED", "message": "Method doesn't allow unregistered callers \
        (callers without established identity). Please use API Key or other form of API consumer identity to call \
        this API."}}"""));
  }

  @Test
  void keyInTheQueryStringIsAccepted() {
    HttpResponse<String> response = server.http().send(HttpRequest.newBuilder(
        URI.create(server.baseUrl() + "/v1beta/models?key=abc")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void configuredKeysRejectOthersWithApiKeyInvalid() {
    ServerConfig config = ServerConfig.defaults().withPort(0);
    try (Gememu strict = Gememu.start(config.withHttp(new ServerSettings(java.util.Set.of("right-key"), false))
        .withLimits(config.limits().withWarmContexts(0)))) {
      Client wrong = Sdk.client(strict.baseUrl("127.0.0.1"));
      assertThatThrownBy(() -> wrong.models.get("gemini-2.5-flash", null))
          .isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(400))
          .hasMessageContaining("API key not valid. Please pass a valid API key.");
      HttpResponse<String> raw = new RawHttp(strict.baseUrl("127.0.0.1")).get("/v1beta/models/gemini-2.5-flash");
      assertThat(RawHttp.tree(raw.body()).at("/error/details/0/reason").asText()).isEqualTo("API_KEY_INVALID");
      HttpResponse<String> ok = new RawHttp(strict.baseUrl("127.0.0.1")).send(HttpRequest.newBuilder(
          URI.create(strict.baseUrl("127.0.0.1") + "/v1beta/models/gemini-2.5-flash?key=right-key")).GET());
      assertThat(ok.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void servesTheSameRoutesUnderEveryApiVersion() {
    for (String version : List.of("v1", "v1beta", "v1alpha")) {
      assertThat(server.http().get("/" + version + "/models/gemini-2.5-flash").statusCode()).as(version).isEqualTo(200);
    }
    assertThat(server.http().get("/v2/models/gemini-2.5-flash").statusCode()).isEqualTo(404);
  }

  @Test
  void ignoresH2cUpgradeRequests() throws Exception {
    HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> response = http2.send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/v1beta/models/gemini-2.5-flash:countTokens"))
        .header("x-goog-api-key", "k")
        .POST(HttpRequest.BodyPublishers.ofString("{\"contents\": [{\"parts\": [{\"text\": \"hello there\"}]}]}"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RawHttp.tree(response.body()).get("totalTokens").asInt()).isEqualTo(3);
  }
}
