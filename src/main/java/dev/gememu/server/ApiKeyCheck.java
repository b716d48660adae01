package dev.gememu.server;

import dev.gememu.api.ApiException;
import dev.gememu.api.Status;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Google's key check: the key comes from {@code x-goog-api-key} or {@code ?key=}. With no keys
 * configured any non-empty key passes; with keys configured only those do.
 */
final class ApiKeyCheck {
  static final String MISSING_KEY_MESSAGE = "Method doesn't allow unregistered callers (callers without"
      + " established identity). Please use API Key or other form of API consumer identity to call this API.";
  static final String INVALID_KEY_MESSAGE = "API key not valid. Please pass a valid API key.";

  private final Set<String> acceptedKeys;

  ApiKeyCheck(Set<String> acceptedKeys) {
    this.acceptedKeys = Set.copyOf(acceptedKeys);
  }

  void check(Context ctx) {
    String key = ctx.header("x-goog-api-key");
    if (key == null || key.isEmpty()) {
      key = ctx.queryParam("key");
    }
    if (key == null || key.isEmpty()) {
      throw new ApiException(Status.PERMISSION_DENIED, MISSING_KEY_MESSAGE);
    }
    if (!acceptedKeys.isEmpty() && !acceptedKeys.contains(key)) {
      throw new ApiException(Status.INVALID_ARGUMENT, INVALID_KEY_MESSAGE, invalidKeyDetails());
    }
  }

  private static List<Map<String, Object>> invalidKeyDetails() {
    Map<String, Object> errorInfo = new LinkedHashMap<>();
    errorInfo.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
    errorInfo.put("reason", "API_KEY_INVALID");
    errorInfo.put("domain", "googleapis.com");
    errorInfo.put("metadata", Map.of("service", "generativelanguage.googleapis.com"));
    Map<String, Object> localized = new LinkedHashMap<>();
    localized.put("@type", "type.googleapis.com/google.rpc.LocalizedMessage");
    localized.put("locale", "en-US");
    localized.put("message", INVALID_KEY_MESSAGE);
    return List.of(errorInfo, localized);
  }
}
