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
    List<String> responseModalities,
    Integer candidateCount,
    Integer maxOutputTokens,
    Double temperature,
    Double topP,
    Double topK,
    Integer seed,
    Double presencePenalty,
    Double frequencyPenalty,
    Boolean responseLogprobs,
    Integer logprobs,
    Boolean enableEnhancedCivicAnswers,
    JsonNode speechConfig,
    ThinkingConfig thinkingConfig,
    JsonNode imageConfig,
    String mediaResolution,
    Boolean audioTimestamp,
    Boolean enableAffectiveDialog,
    JsonNode routingConfig,
    JsonNode modelSelectionConfig,
    JsonNode audioTranscriptionConfig) {}
