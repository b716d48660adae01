package dev.gememu.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One call to a model resource, parsed from the last path segment, e.g.
 * {@code gemini-2.5-flash:generateContent} under {@code /v1beta/models/}, with the request headers
 * (names lower-cased) so that replies can be scoped by header, and the unknown body fields a
 * {@code --lenient} server accepted, for the journal, and the body and query string as the client
 * sent them, for passing the request on upstream unchanged (empty when not known).
 */
public record ModelCall(String apiVersion, String model, Method method, Map<String, String> headers,
    List<String> ignoredFields, String body, String query) {

  public ModelCall {
    TreeMap<String, String> lowerCased = new TreeMap<>();
    if (headers != null) {
      headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
    }
    headers = Map.copyOf(lowerCased);
    ignoredFields = ignoredFields == null ? List.of() : List.copyOf(ignoredFields);
    body = body == null ? "" : body;
    query = query == null ? "" : query;
  }

  public ModelCall(String apiVersion, String model, Method method, Map<String, String> headers) {
    this(apiVersion, model, method, headers, List.of(), "", "");
  }

  public ModelCall(String apiVersion, String model, Method method) {
    this(apiVersion, model, method, Map.of());
  }

  public ModelCall withIgnoredFields(List<String> fields) {
    if (fields.isEmpty() && ignoredFields.isEmpty()) {
      return this;
    }
    return new ModelCall(apiVersion, model, method, headers, fields, body, query);
  }

  /** A copy carrying the body and the raw query string (without {@code ?}) as the client sent them. */
  public ModelCall withSent(String sentBody, String sentQuery) {
    return new ModelCall(apiVersion, model, method, headers, ignoredFields, sentBody, sentQuery);
  }

  @Override
  public String toString() {
    return "ModelCall[" + apiVersion + "/" + resourceName() + ":" + method.verb() + ", " + headers.size()
        + " header(s), ignoredFields=" + ignoredFields + ", " + body.length() + " body chars]"; // the query may hold a key
  }

  /** The value of a request header, by case-insensitive name, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The custom verbs gememu serves on a model. */
  public enum Method {
    GENERATE_CONTENT("generateContent"),
    STREAM_GENERATE_CONTENT("streamGenerateContent"),
    COUNT_TOKENS("countTokens");

    private final String verb;

    Method(String verb) {
      this.verb = verb;
    }

    public String verb() {
      return verb;
    }
  }

  public static ModelCall parse(String apiVersion, String modelAndVerb, Map<String, String> headers) {
    int colon = modelAndVerb.lastIndexOf(':');
    if (colon <= 0 || colon == modelAndVerb.length() - 1) {
      throw new ApiException(
          Status.NOT_FOUND, "Method not found: models/" + modelAndVerb + ". Expected models/{model}:{method}.");
    }
    String verb = modelAndVerb.substring(colon + 1);
    Method method =
        Arrays.stream(Method.values())
            .filter(m -> m.verb.equals(verb))
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiException(
                        Status.NOT_FOUND,
                        "Method not found: "
                            + verb
                            + ". gememu serves generateContent, streamGenerateContent and countTokens."));
    return new ModelCall(apiVersion, modelAndVerb.substring(0, colon), method, headers);
  }

  /** The resource name as Google spells it, e.g. {@code models/gemini-2.5-flash}. */
  public String resourceName() {
    return "models/" + model;
  }
}
