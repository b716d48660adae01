package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One generated answer. gememu always produces exactly one, at index 0. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"content", "finishReason", "index"})
public record Candidate(Content content, FinishReason finishReason, Integer index) {}
