package dev.gememu.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange with the API as it went over the wire, captured once by the server (in the
 * spirit of WireMock's {@code ServeEvent} and MockWebServer's {@code RecordedRequest}). Secrets are
 * redacted before capture: API keys in headers and query, {@code Authorization}, cookies and the
 * headers {@code --redact} names.
 *
 * @param id sequence number, from 1 since start-up
 * @param query the raw query string without the leading {@code ?}, redacted; empty when none
 * @param requestHeaders header names lower-cased, values in the order received
 * @param requestBody the request body as received (UTF-8)
 * @param responseBody every byte of the response body as sent (UTF-8); for a stream, the events joined
 * @param events a stream's chunks exactly as sent, one per event with its framing; empty when not streamed
 * @param error the message of the error the client got (an envelope's {@code error.message}), or null
 * @param answeredBy who answered: the reply's source (a fixture, {@code inline code}, a recording, the
 *     upstream), {@code gememu} for models and countTokens, or {@code rejected} for an error raised
 *     before any reply was decided (key check, bad JSON, unknown model or route)
 * @param turn what the emulated model did, or null when the request did not reach it
 */
public record Exchange(long id, Instant start, Duration duration, String method, String path, String query,
    Map<String, List<String>> requestHeaders, String requestBody, int status,
    Map<String, List<String>> responseHeaders, String responseBody, List<String> events, String error,
    String answeredBy, ModelTurn turn) {

  public static final String REJECTED = "rejected";
  public static final String GEMEMU = "gememu";
  /** The class of the header maps {@link #copy} makes, which need no second copy. */
  private static final Class<?> IMMUTABLE_SORTED =
      java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>()).getClass();

  public Exchange {
    requestHeaders = copy(requestHeaders);
    responseHeaders = copy(responseHeaders);
    events = List.copyOf(events);
  }

  /** Whether the response was a stream, sent event by event. */
  public boolean streamed() {
    return !events.isEmpty();
  }

  /** The first value of a request header, by case-insensitive name, or null. */
  public String requestHeader(String name) {
    List<String> values = requestHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  Exchange withId(long newId) {
    return new Exchange(newId, start, duration, method, path, query, requestHeaders, requestBody, status,
        responseHeaders, responseBody, events, error, answeredBy, turn);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    if (headers.getClass() == IMMUTABLE_SORTED) {
      return headers; // made here already (withId): copying it again was a measurable part of capture
    }
    java.util.TreeMap<String, List<String>> sorted = new java.util.TreeMap<>();
    headers.forEach((name, values) -> sorted.put(name, List.copyOf(values)));
    return java.util.Collections.unmodifiableSortedMap(sorted);
  }
}
