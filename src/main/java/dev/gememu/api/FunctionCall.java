package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/** A function call the model asked the client to make. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "args"})
public record FunctionCall(String id, String name, JsonNode args, JsonNode partialArgs, Boolean willContinue) {}
