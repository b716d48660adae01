package dev.gememu.model;

/**
 * The {@code thinkingBudget} values a model takes besides -1 (dynamic), as Google documents them for
 * Gemini 2.5: Pro 128 to 32768 and it cannot stop thinking, Flash 0 to 24576, Flash-Lite 0 or 512 to
 * 24576. Gemini 3 budgets are not checked ({@link #UNCHECKED}); models that do not think take none.
 *
 * @param min the smallest positive budget
 * @param max the largest budget
 * @param canTurnOff whether a budget of 0 turns thinking off
 */
public record ThinkingBudget(int min, int max, boolean canTurnOff) {
  public static final ThinkingBudget PRO_2_5 = new ThinkingBudget(128, 32_768, false);
  public static final ThinkingBudget FLASH_2_5 = new ThinkingBudget(1, 24_576, true);
  public static final ThinkingBudget FLASH_LITE_2_5 = new ThinkingBudget(512, 24_576, true);
  public static final ThinkingBudget UNCHECKED = new ThinkingBudget(1, Integer.MAX_VALUE, true);

  /** For a model Google does not list: its family's range, read from its id ({@code -pro}, {@code -lite}). */
  static ThinkingBudget inferred(String id, double generation) {
    if (generation >= 3) {
      return UNCHECKED;
    }
    return id.contains("-pro") ? PRO_2_5 : id.contains("-lite") ? FLASH_LITE_2_5 : FLASH_2_5;
  }

  boolean allows(int budget) {
    return budget == 0 ? canTurnOff : budget >= min && budget <= max;
  }
}
