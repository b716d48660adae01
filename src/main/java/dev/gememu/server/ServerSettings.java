package dev.gememu.server;

import java.util.Set;

/**
 * How the HTTP layer behaves.
 *
 * @param apiKeys keys accepted; empty accepts any non-empty key
 * @param lenient accept unknown request fields (logged) instead of Google's 400
 */
public record ServerSettings(Set<String> apiKeys, boolean lenient) {
  public ServerSettings {
    apiKeys = Set.copyOf(apiKeys);
  }

  public static ServerSettings defaults() {
    return new ServerSettings(Set.of(), false);
  }
}
