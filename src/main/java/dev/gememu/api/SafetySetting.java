package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A safety threshold for one harm category. Accepted and ignored: gememu blocks nothing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafetySetting(String category, String threshold, String method) {}
