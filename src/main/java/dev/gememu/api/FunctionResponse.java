package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/** The client's answer to a {@link FunctionCall}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "response"})
public record FunctionResponse(
    String id, String name, JsonNode response, JsonNode parts, Boolean willContinue, String scheduling) {}
