package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One page of {@code GET /files}; Google leaves {@code files} out when there are none. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"files", "nextPageToken"})
public record ListFilesResponse(List<File> files, String nextPageToken) {
  public ListFilesResponse {
    files = List.copyOf(files);
  }
}
