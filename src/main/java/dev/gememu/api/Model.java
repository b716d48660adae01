package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A model resource as {@code GET /models} describes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "name", "version", "displayName", "description", "inputTokenLimit", "outputTokenLimit",
  "supportedGenerationMethods", "temperature", "topP", "topK", "maxTemperature", "thinking"
})
public record Model(
    String name,
    String version,
    String displayName,
    String description,
    int inputTokenLimit,
    int outputTokenLimit,
    List<String> supportedGenerationMethods,
    Number temperature,
    Number topP,
    Integer topK,
    Number maxTemperature,
    Boolean thinking) {

  public Model {
    supportedGenerationMethods = List.copyOf(supportedGenerationMethods);
  }
}
