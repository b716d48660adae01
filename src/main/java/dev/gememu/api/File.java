package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * Google's File resource (Files API). {@code sizeBytes} is an int64, written as a string like every
 * proto JSON int64, and read as a number or a string.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "name", "displayName", "mimeType", "sizeBytes", "createTime", "updateTime", "expirationTime",
  "sha256Hash", "uri", "downloadUri", "state", "source", "videoMetadata", "error"
})
public record File(
    String name,
    String displayName,
    String mimeType,
    @JsonSerialize(using = ToStringSerializer.class) Long sizeBytes,
    String createTime,
    String updateTime,
    String expirationTime,
    String sha256Hash,
    String uri,
    String downloadUri,
    String state,
    String source,
    JsonNode videoMetadata,
    JsonNode error) {

  /** The metadata a client sends when it starts an upload; every field may be absent. */
  public static File empty() {
    return new File(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
