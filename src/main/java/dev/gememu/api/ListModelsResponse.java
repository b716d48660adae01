package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One page of {@code GET /models}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"models", "nextPageToken"})
public record ListModelsResponse(List<Model> models, String nextPageToken) {
  public ListModelsResponse {
    models = List.copyOf(models);
  }
}
