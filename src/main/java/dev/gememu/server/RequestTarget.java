package dev.gememu.server;

import dev.gememu.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Rejects a request line whose path or query holds a broken percent-escape ({@code %e:}, {@code %zz},
 * a trailing {@code %}) with a 400, before any route decodes it: Javalin's path decoder throws on one
 * (a 500) and its query decoder silently guesses.
 */
final class RequestTarget {
  private RequestTarget() {}

  static void requireValidEscapes(HttpServletRequest request) {
    requireValidEscapes(request.getRequestURI());
    requireValidEscapes(request.getQueryString());
  }

  private static void requireValidEscapes(String raw) {
    if (raw == null) {
      return;
    }
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
        throw ApiException.invalidArgument("Request contains an invalid argument. (Invalid percent-encoding at \""
            + raw.substring(i, Math.min(raw.length(), i + 3)) + "\")");
      }
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
