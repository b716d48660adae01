package dev.gememu.model;

/**
 * A model gememu answers as.
 *
 * @param id the id in paths, e.g. {@code gemini-2.5-flash}
 * @param thinking whether it is a thinking model
 * @param splitsFailureOutput whether, like Gemini 3, it reports the stdout printed before an
 *     exception as its own {@code OUTCOME_OK} result ahead of the {@code OUTCOME_FAILED} one, and
 *     signs its code and final text parts with {@code thoughtSignature}
 */
public record ModelInfo(
    String id, String displayName, int inputTokenLimit, int outputTokenLimit, boolean thinking,
    boolean splitsFailureOutput) {

  /** Infers the traits of a Gemini model from its id. */
  public static ModelInfo forId(String id) {
    boolean gemini3 = id.startsWith("gemini-3");
    boolean thinking = gemini3 || id.startsWith("gemini-2.5");
    int output = thinking ? 65_536 : 8_192;
    return new ModelInfo(id, displayName(id), 1_048_576, output, thinking, gemini3);
  }

  private static String displayName(String id) {
    StringBuilder name = new StringBuilder();
    for (String word : id.split("-")) {
      if (name.length() > 0) {
        name.append(' ');
      }
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name.toString();
  }
}
