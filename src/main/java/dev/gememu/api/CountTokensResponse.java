package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The answer to {@code countTokens}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"totalTokens", "cachedContentTokenCount", "promptTokensDetails"})
public record CountTokensResponse(int totalTokens, Integer cachedContentTokenCount,
    List<ModalityTokenCount> promptTokensDetails) {}
