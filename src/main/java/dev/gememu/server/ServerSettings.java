package dev.gememu.server;

import dev.gememu.journal.Redaction;
import java.util.Set;

/**
 * How the HTTP layer behaves.
 *
 * @param apiKeys keys accepted; empty accepts any non-empty key
 * @param lenient accept unknown request fields (logged) instead of Google's 400
 * @param redaction what is masked before an exchange is captured (keys, cookies, {@code --redact})
 */
public record ServerSettings(Set<String> apiKeys, boolean lenient, Redaction redaction) {
  public ServerSettings {
    apiKeys = Set.copyOf(apiKeys);
    if (redaction == null) {
      throw new IllegalArgumentException("redaction must not be null");
    }
  }

  public ServerSettings(Set<String> apiKeys, boolean lenient) {
    this(apiKeys, lenient, Redaction.defaults());
  }

  public static ServerSettings defaults() {
    return new ServerSettings(Set.of(), false);
  }

  public ServerSettings withRedaction(Redaction newRedaction) {
    return new ServerSettings(apiKeys, lenient, newRedaction);
  }
}
