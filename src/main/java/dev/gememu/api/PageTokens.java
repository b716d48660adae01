package dev.gememu.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The page tokens of gememu's list methods: opaque to clients, an offset inside. */
public final class PageTokens {
  private static final String PREFIX = "offset:";

  private PageTokens() {}

  public static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The offset a token stands for, 0 for none, or Google's error for a token gememu never gave. */
  public static int decode(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        return Math.max(0, Integer.parseInt(text.substring(PREFIX.length())));
      }
    } catch (IllegalArgumentException malformed) {
      // falls through to the error below
    }
    throw ApiException.invalidArgument("Invalid page token: " + token);
  }
}
