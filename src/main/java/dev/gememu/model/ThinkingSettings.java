package dev.gememu.model;

import dev.gememu.api.ApiException;
import dev.gememu.api.ThinkingConfig;

/**
 * The thinking settings Google refuses, with its messages: any thinking on a model that does not think
 * (Gemini 2.0), a {@code thinkingLevel} before Gemini 3, and a Gemini 2.5 {@code thinkingBudget} outside
 * the range Google documents for the model: Pro 128 to 32768 (it cannot stop thinking), Flash 0 to
 * 24576, Flash-Lite 0 or 512 to 24576; -1 (dynamic) everywhere. Gemini 3 budgets are not checked, but a
 * budget beside a level is refused on every thinking model.
 */
final class ThinkingSettings {
  private static final int DYNAMIC = -1;

  private ThinkingSettings() {}

  static void check(ModelInfo model, ThinkingConfig thinking) {
    if (thinking == null) {
      return;
    }
    boolean asksForThinking = Boolean.TRUE.equals(thinking.includeThoughts()) || thinking.thinkingLevel() != null
        || (thinking.thinkingBudget() != null && thinking.thinkingBudget() != 0);
    if (!model.thinking()) {
      if (asksForThinking) {
        throw ApiException.notEnabled("Thinking", model.id());
      }
      return;
    }
    if (thinking.thinkingBudget() != null && thinking.thinkingLevel() != null) {
      throw ApiException.thinkingBudgetAndLevel();
    }
    if (model.gemini3()) {
      return;
    }
    if (thinking.thinkingLevel() != null) {
      throw ApiException.thinkingLevelNotSupported();
    }
    if (thinking.thinkingBudget() != null) {
      checkBudget(model.id(), thinking.thinkingBudget());
    }
  }

  private static void checkBudget(String id, int budget) {
    if (budget == DYNAMIC) {
      return;
    }
    boolean pro = id.contains("-pro");
    if (budget == 0 && pro) {
      throw ApiException.thinkingRequired();
    }
    int min = pro ? 128 : id.contains("-lite") ? 512 : 1;
    int max = pro ? 32_768 : 24_576;
    if (budget != 0 && (budget < min || budget > max)) {
      throw ApiException.invalidThinkingBudget(budget);
    }
  }
}
