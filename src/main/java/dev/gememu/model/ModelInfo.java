package dev.gememu.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model gememu answers as, with what {@code GET /models} says about it.
 *
 * @param id the id in paths, e.g. {@code gemini-2.5-flash}
 * @param version Google's {@code version} field, e.g. {@code 3.5-flash-05-2026}
 * @param topK the default {@code topK} Google lists (40 for Gemini 2.0, 64 since 2.5)
 * @param thinking whether it is a thinking model (Gemini 2.5 and later)
 * @param gemini3 whether it behaves like Gemini 3 and later: it signs its code and final text parts
 *     with {@code thoughtSignature}, gives code parts and their results one {@code id}, reports the
 *     stdout printed before an exception as its own {@code OUTCOME_OK} result, and ends a stream with
 *     an empty signed text part
 * @param thinkingBudget the {@code thinkingBudget} values it takes (any for a model that does not think,
 *     which refuses thinking altogether)
 */
public record ModelInfo(
    String id, String version, String displayName, String description, int inputTokenLimit,
    int outputTokenLimit, int topK, boolean thinking, boolean gemini3, ThinkingBudget thinkingBudget) {

  /** Gemini's defaults, the same for every model Google lists today. */
  public static final double TEMPERATURE = 1.0;
  public static final double TOP_P = 0.95;
  public static final double MAX_TEMPERATURE = 2.0;

  private static final Pattern NUMBERED = Pattern.compile("^gemini-(\\d+)(?:\\.(\\d+))?(?:-|$)");

  /**
   * Whether it takes presence and frequency penalties and returns logprobs: Gemini 2.0 does; Google
   * answers {@code Penalty is not enabled for models/…} and {@code Logprobs is not enabled for models/…}
   * for the thinking models that came after it.
   */
  public boolean penaltiesAndLogprobs() {
    return !thinking;
  }

  /** Gemini 3's ways with failures; see {@link #gemini3}. */
  public boolean splitsFailureOutput() {
    return gemini3;
  }

  /**
   * Infers a model's traits from its id, by family: {@code gemini-X.Y-…} is generation X.Y; the
   * {@code -latest} aliases point at the newest generation; anything else is taken as Gemini 2.5.
   */
  public static ModelInfo forId(String id) {
    double generation = generation(id);
    boolean thinking = generation >= 2.5;
    String name = displayName(id);
    return new ModelInfo(id, id.replaceFirst("^gemini-", ""), name, name, 1_048_576, thinking ? 65_536 : 8_192,
        thinking ? 64 : 40, thinking, generation >= 3, ThinkingBudget.inferred(id, generation));
  }

  static double generation(String id) {
    Matcher numbered = NUMBERED.matcher(id);
    if (numbered.find()) {
      return Double.parseDouble(numbered.group(1) + "." + (numbered.group(2) == null ? "0" : numbered.group(2)));
    }
    return id.startsWith("gemini-") && id.endsWith("-latest") ? 3.0 : 2.5;
  }

  private static String displayName(String id) {
    StringBuilder name = new StringBuilder();
    for (String word : id.split("-")) {
      if (word.isEmpty()) {
        continue;
      }
      if (name.length() > 0) {
        name.append(' ');
      }
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name.toString();
  }
}
