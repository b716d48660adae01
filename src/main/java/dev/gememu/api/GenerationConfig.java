package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Sampling and output settings. gememu accepts them all and reads only a few. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationConfig(
    List<String> stopSequences,
    String responseMimeType,
    JsonNode responseSchema,
    JsonNode responseJsonSchema,
    List<Modality> responseModalities,
    Integer candidateCount,
    Integer maxOutputTokens,
    Double temperature,
    Double topP,
    Integer topK,
    Integer seed,
    Double presencePenalty,
    Double frequencyPenalty,
    Boolean responseLogprobs,
    Integer logprobs,
    Boolean enableEnhancedCivicAnswers,
    SpeechConfig speechConfig,
    ThinkingConfig thinkingConfig,
    JsonNode imageConfig,
    MediaResolution mediaResolution,
    Boolean audioTimestamp,
    Boolean enableAffectiveDialog,
    JsonNode routingConfig,
    JsonNode modelSelectionConfig,
    JsonNode audioTranscriptionConfig) {

  /** The proto's output modalities, and {@code VIDEO}, which the SDKs also know. */
  public enum Modality {
    MODALITY_UNSPECIFIED,
    TEXT,
    IMAGE,
    AUDIO,
    VIDEO
  }

  public enum MediaResolution {
    MEDIA_RESOLUTION_UNSPECIFIED,
    MEDIA_RESOLUTION_LOW,
    MEDIA_RESOLUTION_MEDIUM,
    MEDIA_RESOLUTION_HIGH
  }
}
