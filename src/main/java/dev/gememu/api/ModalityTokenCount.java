package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A token count for one input or output modality. */
@JsonPropertyOrder({"modality", "tokenCount"})
public record ModalityTokenCount(MediaModality modality, int tokenCount) {
  public static ModalityTokenCount text(int tokenCount) {
    return new ModalityTokenCount(MediaModality.TEXT, tokenCount);
  }
}
