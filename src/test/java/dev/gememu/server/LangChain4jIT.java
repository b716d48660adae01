package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gememu.Gememu;
import dev.gememu.config.ServerConfig;
import dev.gememu.testing.Sdk;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.googleai.GeminiHarmBlockThreshold;
import dev.langchain4j.model.googleai.GeminiHarmCategory;
import dev.langchain4j.model.googleai.GeminiMediaResolutionLevel;
import dev.langchain4j.model.googleai.GeminiMode;
import dev.langchain4j.model.googleai.GeminiThinkingConfig;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiModelCatalog;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenCountEstimator;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's Gemini module ({@code langchain4j-google-ai-gemini}), unmodified, against a real
 * gememu. Its JDK HttpClient offers {@code Upgrade: h2c} on every request, and the version lives in
 * its base URL.
 */
class LangChain4jIT {
  private static final String CODE = "squares = [n * n for n in range(1, 6)]\nprint(squares, sum(squares))";
  private static final String OUTPUT = "[1, 4, 9, 16, 25] 55\n";

  static Gememu gememu;
  static String baseUrl;

  @BeforeAll
  static void start() {
    gememu = Gememu.start(ServerConfig.defaults().withPort(0));
    baseUrl = gememu.baseUrl("127.0.0.1") + "/v1beta";
  }

  @AfterAll
  static void stop() {
    gememu.close();
  }

  private static ChatModel chatModel(String modelName) {
    return GoogleAiGeminiChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey("k")
        .modelName(modelName)
        .allowCodeExecution(true)
        .includeCodeExecutionOutput(true)
        .maxRetries(0)
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  @Test
  void chatModelReturnsTheCodeAndWhatItReallyPrinted() {
    ChatResponse response = chatModel("gemini-2.5-flash").chat(UserMessage.from(Sdk.runPrompt(CODE)));

    String text = response.aiMessage().text();
    assertThat(text).contains(CODE).contains(OUTPUT);
    assertThat(text.indexOf(CODE)).isLessThan(text.lastIndexOf(OUTPUT));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.tokenUsage().inputTokenCount()).isPositive();
    assertThat(response.tokenUsage().outputTokenCount()).isPositive();
    assertThat(response.metadata().modelName()).isEqualTo("gemini-2.5-flash");
    assertThat(response.metadata().id()).hasSize(22);
  }

  @Test
  void chatModelCarriesAConversationWithCodeInItsHistory() {
    ChatModel model = chatModel("gemini-3-flash-preview");
    List<ChatMessage> history = new ArrayList<>();
    history.add(UserMessage.from(Sdk.runPrompt("print('first')")));
    AiMessage first = model.chat(history).aiMessage();
    history.add(first);
    history.add(UserMessage.from(Sdk.runPrompt("print('second')")));

    String second = model.chat(history).aiMessage().text();

    assertThat(first.text()).contains("first\n");
    assertThat(second).contains("second\n").doesNotContain("first\n");
  }

  @Test
  void streamingModelDeliversThePartialTextsAndTheWholeAnswer() throws Exception {
    GoogleAiGeminiStreamingChatModel model = GoogleAiGeminiStreamingChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey("k")
        .modelName("gemini-2.5-flash")
        .allowCodeExecution(true)
        .includeCodeExecutionOutput(true)
        .timeout(Duration.ofSeconds(60))
        .build();
    List<String> partials = new ArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    model.chat(Sdk.runPrompt(CODE), new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        partials.add(partial);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    ChatResponse response = done.get(60, TimeUnit.SECONDS);

    assertThat(partials.size()).isGreaterThanOrEqualTo(2);
    assertThat(String.join("", partials)).contains("I will run");
    assertThat(response.aiMessage().text()).contains(CODE).contains(OUTPUT);
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void chatModelSendsNoBuilderOptionThatGememuRejects() {
    ChatModel model = GoogleAiGeminiChatModel.builder()
        .baseUrl(baseUrl).apiKey("k").modelName("gemini-3-pro-preview").maxRetries(0)
        .allowCodeExecution(true).includeCodeExecutionOutput(true)
        .allowGoogleSearch(true).allowUrlContext(true).allowGoogleMaps(true).retrieveGoogleMapsWidgetToken(true)
        .temperature(0.5).topK(40).topP(0.9).seed(7).maxOutputTokens(2048).stopSequences(List.of("STOP!"))
        // Gemini 3 refuses non-zero penalties and logprobs, as Google does: zero penalties are still sent.
        .presencePenalty(0.0).frequencyPenalty(0.0)
        .enableEnhancedCivicAnswers(false)
        .safetySettings(Map.of(GeminiHarmCategory.HARM_CATEGORY_HATE_SPEECH, GeminiHarmBlockThreshold.BLOCK_NONE))
        .toolConfig(GeminiMode.AUTO)
        .thinkingConfig(GeminiThinkingConfig.builder().includeThoughts(true).thinkingLevel("low").build())
        .returnThinking(true).sendThinking(true)
        .mediaResolution(GeminiMediaResolutionLevel.MEDIA_RESOLUTION_MEDIUM).mediaResolutionPerPartEnabled(true)
        .cachedContentName("cachedContents/abc")
        .customHeaders(Map.of("x-trace", "1"))
        .build();

    ChatResponse response = model.chat(
        SystemMessage.from("Be brief."),
        UserMessage.from(TextContent.from("Look at this"), ImageContent.from("AQID", "image/png")),
        AiMessage.from("I see it."),
        UserMessage.from(Sdk.runPrompt(CODE)));

    assertThat(response.aiMessage().text()).contains(OUTPUT);
  }

  @Test
  void unknownModelIsReportedAsModelNotFound() {
    assertThatThrownBy(() -> chatModel("gemini-0-nope").chat(UserMessage.from(Sdk.runPrompt(CODE))))
        .isInstanceOf(ModelNotFoundException.class)
        .hasMessageContaining("models/gemini-0-nope is not found");
  }

  @Test
  void tokenCountEstimatorUsesCountTokens() {
    GoogleAiGeminiTokenCountEstimator estimator = GoogleAiGeminiTokenCountEstimator.builder()
        .baseUrl(baseUrl)
        .apiKey("k")
        .modelName("gemini-2.5-flash")
        .maxRetries(0)
        .build();

    // gememu's estimate: one token per started four characters.
    assertThat(estimator.estimateTokenCountInText("12345678")).isEqualTo(2);
  }

  @Test
  void modelCatalogListsTheServedModels() {
    List<ModelDescription> models = GoogleAiGeminiModelCatalog.builder().baseUrl(baseUrl).apiKey("k").build().listModels();

    assertThat(models).extracting(ModelDescription::name).contains("gemini-2.5-flash", "gemini-3-pro-preview");
    assertThat(models).allSatisfy(m -> assertThat(m.maxInputTokens()).isPositive());
  }
}
