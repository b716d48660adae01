package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A tool the model may use. gememu acts on {@code codeExecution}; the other tools are accepted so
 * that requests built by the SDKs validate, and are otherwise ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(
    List<FunctionDeclaration> functionDeclarations,
    JsonNode retrieval,
    JsonNode googleSearchRetrieval,
    CodeExecution codeExecution,
    GoogleSearch googleSearch,
    JsonNode computerUse,
    JsonNode urlContext,
    JsonNode fileSearch,
    JsonNode enterpriseWebSearch,
    JsonNode googleMaps,
    JsonNode mcpServers) {

  /** The code execution tool takes no settings: {@code {"codeExecution": {}}}. */
  public record CodeExecution() {}
}
