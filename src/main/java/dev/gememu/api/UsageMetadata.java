package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Token accounting of a response, laid out in the order Google writes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "promptTokenCount", "candidatesTokenCount", "totalTokenCount", "cachedContentTokenCount",
  "promptTokensDetails", "thoughtsTokenCount", "toolUsePromptTokenCount", "toolUsePromptTokensDetails"
})
public record UsageMetadata(
    Integer promptTokenCount,
    Integer candidatesTokenCount,
    Integer totalTokenCount,
    Integer cachedContentTokenCount,
    List<ModalityTokenCount> promptTokensDetails,
    Integer thoughtsTokenCount,
    Integer toolUsePromptTokenCount,
    List<ModalityTokenCount> toolUsePromptTokensDetails) {}
