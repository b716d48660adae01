package dev.gememu.server;

import io.javalin.http.Context;

/**
 * The URL a client used to reach gememu, as far as the request tells: behind a reverse proxy, the
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Prefix} headers (or
 * RFC 7239 {@code Forwarded}) name it; otherwise the request's own scheme and {@code Host}. Upload
 * URLs are built from it, so a client following one comes back the way it came, path prefix included.
 */
record PublicUrl(String origin, String prefix) {

  static PublicUrl of(Context ctx) {
    String forwarded = ctx.header("Forwarded");
    String proto = first(ctx.header("X-Forwarded-Proto"));
    String host = first(ctx.header("X-Forwarded-Host"));
    if (forwarded != null) {
      proto = proto != null ? proto : forwardedParameter(forwarded, "proto");
      host = host != null ? host : forwardedParameter(forwarded, "host");
    }
    if (proto == null) {
      proto = ctx.scheme();
    }
    if (host == null) {
      host = ctx.host() != null ? ctx.host() : "127.0.0.1:" + ctx.port();
    }
    String prefix = first(ctx.header("X-Forwarded-Prefix"));
    return new PublicUrl(proto + "://" + host, normalisePrefix(prefix));
  }

  /** The base a client appends {@code /{version}/...} to. */
  String base() {
    return origin + prefix;
  }

  private static String first(String listHeader) {
    if (listHeader == null || listHeader.isBlank()) {
      return null;
    }
    int comma = listHeader.indexOf(',');
    return (comma < 0 ? listHeader : listHeader.substring(0, comma)).strip();
  }

  private static String forwardedParameter(String forwarded, String name) {
    String firstHop = forwarded.split(",")[0];
    for (String pair : firstHop.split(";")) {
      String[] keyValue = pair.strip().split("=", 2);
      if (keyValue.length == 2 && keyValue[0].equalsIgnoreCase(name)) {
        return keyValue[1].replace("\"", "").strip();
      }
    }
    return null;
  }

  private static String normalisePrefix(String prefix) {
    if (prefix == null || prefix.isBlank() || prefix.equals("/")) {
      return "";
    }
    String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }
}
