package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A reference to an uploaded file ({@code fileData}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mimeType", "fileUri", "displayName"})
public record FileData(String mimeType, String fileUri, String displayName) {}
