package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The Google Search tool's settings, as the SDKs send them. Accepted and ignored: gememu searches nothing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoogleSearch(JsonNode timeRangeFilter, List<String> excludeDomains, String blockingConfidence,
    JsonNode searchTypes) {}
