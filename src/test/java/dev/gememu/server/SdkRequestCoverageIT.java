package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.types.Blob;
import com.google.genai.types.CodeExecutionResult;
import com.google.genai.types.Content;
import com.google.genai.types.ExecutableCode;
import com.google.genai.types.FileData;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionCallingConfig;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.FunctionResponse;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GoogleSearch;
import com.google.genai.types.HarmBlockThreshold;
import com.google.genai.types.HarmCategory;
import com.google.genai.types.ImageConfig;
import com.google.genai.types.MediaResolution;
import com.google.genai.types.Outcome;
import com.google.genai.types.Part;
import com.google.genai.types.PrebuiltVoiceConfig;
import com.google.genai.types.SafetySetting;
import com.google.genai.types.Schema;
import com.google.genai.types.SpeechConfig;
import com.google.genai.types.ThinkingConfig;
import com.google.genai.types.ThinkingLevel;
import com.google.genai.types.Tool;
import com.google.genai.types.ToolCodeExecution;
import com.google.genai.types.ToolConfig;
import com.google.genai.types.Type;
import com.google.genai.types.UrlContext;
import com.google.genai.types.VideoMetadata;
import com.google.genai.types.VoiceConfig;
import dev.gememu.testing.Sdk;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.gememu.testing.RunningGememu;

/**
 * gememu rejects unknown fields like Google, so it must know every field the official SDK can send:
 * this builds a request with (nearly) every field the Java SDK serialises for the Gemini API.
 */
class SdkRequestCoverageIT {
  @RegisterExtension
  static final RunningGememu server = RunningGememu.withDefaults();

  @Test
  void acceptsARequestWithEveryFieldTheSdkSends() {
    GenerateContentResponse response = server.sdk().models.generateContent("gemini-3-pro-preview", history(), everyConfigField());

    assertThat(response.codeExecutionResult()).isEqualTo("3\n");
  }

  @Test
  void acceptsEachOptionalConfigFieldTheSdkSendsForTheGeminiApi() {
    Map<String, java.util.function.UnaryOperator<GenerateContentConfig.Builder>> fields = new java.util.LinkedHashMap<>();
    fields.put("responseSchema", b -> b.responseMimeType("application/json").responseSchema(
        Schema.builder().type(Type.Known.OBJECT).properties(Map.of("a", Schema.builder().type(Type.Known.STRING).build()))
            .propertyOrdering(List.of("a")).build()));
    fields.put("responseJsonSchema", b -> b.responseMimeType("application/json")
        .responseJsonSchema(Map.of("type", "object")));
    fields.put("audioTimestamp", b -> b.audioTimestamp(true));
    fields.put("labels", b -> b.labels(Map.of("team", "a")));
    fields.put("routingConfig", b -> b.routingConfig(com.google.genai.types.GenerationConfigRoutingConfig.builder()
        .autoMode(com.google.genai.types.GenerationConfigRoutingConfigAutoRoutingMode.builder().build()).build()));
    fields.put("modelSelectionConfig", b -> b.modelSelectionConfig(com.google.genai.types.ModelSelectionConfig.builder()
        .featureSelectionPreference(com.google.genai.types.FeatureSelectionPreference.Known.BALANCED).build()));
    fields.put("modelArmorConfig", b -> b.modelArmorConfig(com.google.genai.types.ModelArmorConfig.builder()
        .promptTemplateName("t").build()));
    fields.put("serviceTier", b -> b.serviceTier(com.google.genai.types.ServiceTier.Known.FLEX));
    fields.put("store", b -> b.store(true));
    fields.put("thinkingBudget", b -> b.thinkingConfig(ThinkingConfig.builder().thinkingBudget(128).build()));
    fields.put("toolConfig.retrievalConfig", b -> b.toolConfig(ToolConfig.builder().retrievalConfig(
        com.google.genai.types.RetrievalConfig.builder().languageCode("en").build()).build()));
    fields.put("automaticFunctionCalling", b -> b.automaticFunctionCalling(
        com.google.genai.types.AutomaticFunctionCallingConfig.builder().disable(true).build()));

    List<String> sent = new java.util.ArrayList<>();
    fields.forEach((name, setter) -> {
      GenerateContentConfig config = setter.apply(Sdk.withCodeExecution().toBuilder()).build();
      try {
        GenerateContentResponse response = server.sdk().models.generateContent("gemini-2.5-flash", Sdk.runPrompt("print(3)"), config);
        assertThat(response.codeExecutionResult()).as(name).isEqualTo("3\n");
        sent.add(name);
      } catch (IllegalArgumentException | UnsupportedOperationException refusedBySdk) {
        // The SDK itself refuses fields the Gemini API does not have (Vertex-only): nothing was sent.
      }
    });

    assertThat(sent).contains("responseSchema", "responseJsonSchema", "labels", "serviceTier", "store", "thinkingBudget",
        "toolConfig.retrievalConfig");
  }

  @Test
  void acceptsPenaltiesAndLogprobsOnGemini20WhichHasThem() {
    GenerateContentConfig config = GenerateContentConfig.builder()
        .presencePenalty(0.5f).frequencyPenalty(-0.5f).responseLogprobs(true).logprobs(2).topK(40f).build();

    GenerateContentResponse response = server.sdk().models.generateContent("gemini-2.0-flash", Sdk.runPrompt("print(3)"), config);

    assertThat(response.text()).isNotEmpty();
  }

  /** An uploaded file for the history's fileData part: gememu, like Google, refuses unknown files. */
  private static String uploadedVideoUri() {
    return server.sdk().files.upload(new byte[] {0, 0, 0, 24},
        com.google.genai.types.UploadFileConfig.builder().mimeType("video/mp4").build()).uri().orElseThrow();
  }

  private static List<Content> history() {
    Schema parameters = Schema.builder().type(Type.Known.OBJECT)
        .properties(Map.of("x", Schema.builder().type(Type.Known.INTEGER).description("x").build()))
        .required(List.of("x")).build();
    return List.of(
        Content.builder().role("user").parts(List.of(
            Part.builder().text("Look at these").build(),
            Part.builder().inlineData(Blob.builder().mimeType("image/png").data(new byte[] {1, 2, 3}).build())
                .mediaResolution(com.google.genai.types.PartMediaResolution.builder()
                    .level(com.google.genai.types.PartMediaResolutionLevel.Known.MEDIA_RESOLUTION_LOW).build()).build(),
            Part.builder().fileData(FileData.builder().mimeType("video/mp4")
                    .fileUri(uploadedVideoUri()).build())
                .videoMetadata(VideoMetadata.builder().startOffset(Duration.ofSeconds(1))
                    .endOffset(Duration.ofSeconds(2)).fps(1.0).build()).build())).build(),
        Content.builder().role("model").parts(List.of(
            Part.builder().text("thinking...").thought(true).thoughtSignature(new byte[] {9, 9}).build(),
            Part.builder().functionCall(FunctionCall.builder().id("c1").name("f").args(Map.of("x", 1)).build()).build(),
            Part.builder().executableCode(ExecutableCode.builder().code("print(1)")
                .language(com.google.genai.types.Language.Known.PYTHON).build()).build(),
            Part.builder().codeExecutionResult(CodeExecutionResult.builder().outcome(Outcome.Known.OUTCOME_OK)
                .output("1\n").build()).build())).build(),
        Content.builder().role("user").parts(List.of(
            Part.builder().functionResponse(FunctionResponse.builder().id("c1").name("f")
                .response(Map.of("result", 2)).build()).build(),
            Part.builder().text(Sdk.runPrompt("print(1 + 2)")).build())).build());
  }

  private static GenerateContentConfig everyConfigField() {
    Schema parameters = Schema.builder().type(Type.Known.OBJECT)
        .properties(Map.of("x", Schema.builder().type(Type.Known.INTEGER).build())).build();
    return GenerateContentConfig.builder()
        .systemInstruction(Content.fromParts(Part.fromText("Be brief.")))
        .temperature(0.5f).topP(0.9f).topK(40f).candidateCount(1).maxOutputTokens(2048)
        // Gemini 3 refuses non-zero penalties and responseLogprobs, as Google does; see the Gemini 2.0 test.
        .stopSequences(List.of("STOP!")).responseLogprobs(false)
        .presencePenalty(0f).frequencyPenalty(0f).seed(7)
        .responseMimeType("text/plain")
        .safetySettings(List.of(SafetySetting.builder().category(HarmCategory.Known.HARM_CATEGORY_HATE_SPEECH)
            .threshold(HarmBlockThreshold.Known.BLOCK_NONE).build()))
        .tools(List.of(
            Tool.builder().codeExecution(ToolCodeExecution.builder().build()).build(),
            Tool.builder().googleSearch(GoogleSearch.builder().build()).build(),
            Tool.builder().urlContext(UrlContext.builder().build()).build(),
            Tool.builder().functionDeclarations(List.of(FunctionDeclaration.builder().name("f")
                .description("adds").parameters(parameters).build())).build()))
        .toolConfig(ToolConfig.builder().functionCallingConfig(FunctionCallingConfig.builder()
            .mode(com.google.genai.types.FunctionCallingConfigMode.Known.AUTO).build()).build())
        .cachedContent("cachedContents/abc")
        .responseModalities(List.of("TEXT"))
        .mediaResolution(MediaResolution.Known.MEDIA_RESOLUTION_MEDIUM)
        .speechConfig(SpeechConfig.builder().voiceConfig(VoiceConfig.builder().prebuiltVoiceConfig(
            PrebuiltVoiceConfig.builder().voiceName("Kore").build()).build()).languageCode("en-US").build())
        .thinkingConfig(ThinkingConfig.builder().includeThoughts(true).thinkingLevel(ThinkingLevel.Known.LOW).build())
        .imageConfig(ImageConfig.builder().aspectRatio("16:9").build())
        .enableEnhancedCivicAnswers(false)
        .build();
  }
}
