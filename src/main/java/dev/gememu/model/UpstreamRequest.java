package dev.gememu.model;

import dev.gememu.api.ModelCall;
import java.util.Map;

/**
 * A request to pass on to the real API as the client sent it.
 *
 * @param path e.g. {@code /v1beta/models/gemini-2.5-flash:generateContent}
 * @param query the raw query string without {@code ?}, empty when none
 * @param headers the client's headers, names lower-cased
 * @param call the model call, or null for a models list or get (which are passed on, not recorded)
 */
public record UpstreamRequest(String method, String path, String query, Map<String, String> headers, String body,
    ModelCall call) {
  public UpstreamRequest {
    query = query == null ? "" : query;
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }
}
