package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A function the model may call; its schemas are accepted as sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionDeclaration(String name, String description, Behavior behavior, JsonNode parameters,
    JsonNode parametersJsonSchema, JsonNode response, JsonNode responseJsonSchema) {

  /** The proto's values, and the SDKs' alias for the unspecified one. */
  public enum Behavior {
    UNSPECIFIED,
    BLOCKING,
    NON_BLOCKING,
    BEHAVIOR_UNSPECIFIED
  }
}
