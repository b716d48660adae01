package dev.gememu.model;

import dev.gememu.api.ApiException;
import dev.gememu.api.ThinkingConfig;

/**
 * The thinking settings Google refuses, with its messages: any thinking on a model that does not think
 * (Gemini 2.0), a {@code thinkingLevel} before Gemini 3, and a {@code thinkingBudget} outside the
 * model's {@link ThinkingBudget}; -1 (dynamic) everywhere. A budget beside a level is refused on every
 * thinking model.
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
    Integer budget = thinking.thinkingBudget();
    if (budget == null || budget == DYNAMIC || model.thinkingBudget().allows(budget)) {
      return;
    }
    throw budget == 0 ? ApiException.thinkingRequired() : ApiException.invalidThinkingBudget(budget);
  }
}
