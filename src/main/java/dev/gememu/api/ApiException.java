package dev.gememu.api;

import java.util.List;
import java.util.Map;

/** Anything the client should see as an HTTP error, rendered once as Google's error envelope. */
public final class ApiException extends RuntimeException {
  private final Status status;
  private final List<Map<String, Object>> details;

  public ApiException(Status status, String message) {
    this(status, message, List.of());
  }

  public ApiException(Status status, String message, List<Map<String, Object>> details) {
    super(message);
    this.status = status;
    this.details = List.copyOf(details);
  }

  public Status status() {
    return status;
  }

  /** The {@code details} array of the envelope: objects carrying an {@code @type} key. */
  public List<Map<String, Object>> details() {
    return details;
  }

  public ErrorEnvelope toEnvelope() {
    return ErrorEnvelope.of(status, getMessage(), details);
  }

  /** Google's 503 when the model cannot take the request now; SDKs retry it. */
  public static ApiException overloaded() {
    return new ApiException(Status.UNAVAILABLE, "The model is overloaded. Please try again later.");
  }

  /** Google's 500 for a failure on its side; SDKs retry it. */
  public static ApiException internal() {
    return new ApiException(Status.INTERNAL, "An internal error has occurred. Please retry or report in"
        + " https://developers.generativeai.google/guide/troubleshooting");
  }

  public static ApiException invalidArgument(String message) {
    return new ApiException(Status.INVALID_ARGUMENT, message);
  }

  /**
   * Google's answer to a generation setting outside its range, e.g. {@code maxOutputTokens value of
   * 100000 but the supported range is from 1 (inclusive) to 65537 (exclusive)}.
   */
  public static ApiException outOfRange(String setting, Number value, String fromInclusive, String toExclusive) {
    return invalidArgument("Unable to submit request because it has a " + setting + " value of " + plain(value)
        + " but the supported range is from " + fromInclusive + " (inclusive) to " + toExclusive
        + " (exclusive). Update the value and try again.");
  }

  /** Google's answer to a setting the model does not have, e.g. {@code Multiple candidates is not enabled for models/x}. */
  public static ApiException notEnabled(String feature, String modelId) {
    return invalidArgument(feature + " is not enabled for models/" + modelId);
  }

  /** Google's answer to a {@code thinkingBudget} outside the model's range: {@code The thinking budget (52428) is invalid.} */
  public static ApiException invalidThinkingBudget(int budget) {
    return invalidArgument("The thinking budget (" + budget + ") is invalid.");
  }

  /** Google's answer to {@code thinkingBudget: 0} on a model that cannot stop thinking (Gemini 2.5 Pro). */
  public static ApiException thinkingRequired() {
    return invalidArgument("Budget 0 is invalid. This model only works in thinking mode.");
  }

  /** Google's answer to a {@code thinkingLevel} sent to a model before Gemini 3, which takes a budget instead. */
  public static ApiException thinkingLevelNotSupported() {
    return invalidArgument("Thinking level is not supported for this model.");
  }

  /** Google's answer to a {@code thinkingConfig} holding both a budget and a level. */
  public static ApiException thinkingBudgetAndLevel() {
    return invalidArgument("You can only set only one of thinking budget and thinking level.");
  }

  /** Google's answer to a turn whose role is neither {@code user} nor {@code model} (e.g. {@code assistant}). */
  public static ApiException invalidRole() {
    return invalidArgument("Please use a valid role: user, model.");
  }

  /** A number as Google prints it: {@code 3}, not {@code 3.0}. */
  private static String plain(Number value) {
    double d = value.doubleValue();
    return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
