package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The answer to {@code generateContent}, and each event of {@code streamGenerateContent}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"candidates", "promptFeedback", "usageMetadata", "modelVersion", "responseId"})
public record GenerateContentResponse(
    List<Candidate> candidates,
    Object promptFeedback,
    UsageMetadata usageMetadata,
    String modelVersion,
    String responseId) {

  public GenerateContentResponse {
    candidates = candidates == null ? null : List.copyOf(candidates);
  }

  /** A one-candidate response with the given parts. */
  public static GenerateContentResponse of(
      List<Part> parts, FinishReason finishReason, UsageMetadata usage, String modelVersion, String responseId) {
    Candidate candidate = new Candidate(Content.model(parts), finishReason, 0);
    return new GenerateContentResponse(List.of(candidate), null, usage, modelVersion, responseId);
  }
}
