package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A safety threshold for one harm category. Accepted and ignored: gememu blocks nothing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafetySetting(HarmCategory category, HarmBlockThreshold threshold, HarmBlockMethod method) {

  public enum HarmBlockThreshold {
    HARM_BLOCK_THRESHOLD_UNSPECIFIED,
    BLOCK_LOW_AND_ABOVE,
    BLOCK_MEDIUM_AND_ABOVE,
    BLOCK_ONLY_HIGH,
    BLOCK_NONE,
    OFF
  }

  public enum HarmBlockMethod {
    HARM_BLOCK_METHOD_UNSPECIFIED,
    SEVERITY,
    PROBABILITY
  }
}
