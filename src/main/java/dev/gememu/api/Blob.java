package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Inline bytes ({@code inlineData}): a MIME type and base64 data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mimeType", "data", "displayName"})
public record Blob(String mimeType, String data, String displayName) {}
