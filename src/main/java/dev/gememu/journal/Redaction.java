package dev.gememu.journal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is never written anywhere (exchange capture, journal, recorded fixtures, logs): API keys in
 * the {@code x-goog-api-key} header and the {@code key} query parameter, {@code Authorization},
 * cookies, plus the extra headers and JSON fields the user names ({@code --redact}).
 */
public record Redaction(Set<String> headers, Set<String> jsonFields) {
  public static final String MASK = "REDACTED";
  static final Set<String> ALWAYS = Set.of("x-goog-api-key", "authorization", "cookie", "set-cookie",
      "proxy-authorization", "x-goog-upstream-api-key");
  private static final Pattern KEY_PARAM = Pattern.compile("(^|&)(key=)[^&]*");

  public Redaction {
    Set<String> names = new TreeSet<>(ALWAYS);
    headers.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
    headers = Set.copyOf(names);
    jsonFields = Set.copyOf(jsonFields);
  }

  public static Redaction defaults() {
    return new Redaction(Set.of(), Set.of());
  }

  /** Names ({@code --redact}) are header names, or JSON field names when written {@code json:field}. */
  public static Redaction of(List<String> names) {
    Set<String> headerNames = new TreeSet<>();
    Set<String> fields = new TreeSet<>();
    for (String name : names) {
      if (name.startsWith("json:")) {
        fields.add(name.substring("json:".length()));
      } else {
        headerNames.add(name);
      }
    }
    return new Redaction(headerNames, fields);
  }

  public boolean hidesHeader(String name) {
    return headers.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The headers with lower-cased names, the secret ones masked. */
  public Map<String, List<String>> headers(Map<String, List<String>> raw) {
    Map<String, List<String>> safe = new LinkedHashMap<>();
    raw.forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      safe.put(lower, hidesHeader(lower) ? values.stream().map(v -> MASK).toList() : List.copyOf(values));
    });
    return safe;
  }

  /** The JSON text with the string values of the named fields masked, at any depth. */
  public String json(String text) {
    String safe = text;
    for (String field : jsonFields) {
      safe = Pattern.compile("(\"" + Pattern.quote(field) + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"")
          .matcher(safe).replaceAll("$1\"" + MASK + "\"");
    }
    return safe;
  }

  /** The query string with the {@code key} parameter's value masked. */
  public String query(String query) {
    if (query == null) {
      return "";
    }
    Matcher matcher = KEY_PARAM.matcher(query);
    return matcher.replaceAll("$1$2" + MASK);
  }
}
