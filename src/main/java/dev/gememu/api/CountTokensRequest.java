package dev.gememu.api;

import java.util.List;

/** The body of {@code countTokens}: bare contents, or a whole generate request. */
public record CountTokensRequest(List<Content> contents, GenerateContentRequest generateContentRequest) {
  public CountTokensRequest {
    contents = contents == null ? null : List.copyOf(contents);
  }
}
