package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** How the model may call the request's functions. Accepted and ignored: gememu calls no functions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolConfig(FunctionCallingConfig functionCallingConfig, JsonNode retrievalConfig,
    Boolean includeServerSideToolInvocations) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FunctionCallingConfig(Mode mode, List<String> allowedFunctionNames, Boolean streamFunctionCallArguments) {

    /** The proto's values, and the SDKs' alias for the unspecified one. */
    public enum Mode {
      MODE_UNSPECIFIED,
      AUTO,
      ANY,
      NONE,
      VALIDATED,
      FUNCTION_CALLING_CONFIG_MODE_UNSPECIFIED
    }
  }
}
