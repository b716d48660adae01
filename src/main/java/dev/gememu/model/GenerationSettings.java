package dev.gememu.model;

import dev.gememu.api.ApiException;
import dev.gememu.api.GenerationConfig;

/**
 * The generation settings Google refuses for a model, with its messages: values outside their range
 * and, on Gemini 3, several candidates. Ranges as Google states them in its errors (temperature up to
 * 2.0001 exclusive, maxOutputTokens up to the model's limit plus one).
 */
final class GenerationSettings {
  private GenerationSettings() {}

  static void check(ModelInfo model, GenerationConfig config) {
    if (config == null) {
      return;
    }
    if (config.temperature() != null && (config.temperature() < 0 || config.temperature() >= 2.0001)) {
      throw ApiException.outOfRange("temperature", config.temperature(), "0", "2.0001");
    }
    if (config.topP() != null && (config.topP() < 0 || config.topP() >= 1.0001)) {
      throw ApiException.outOfRange("topP", config.topP(), "0", "1.0001");
    }
    Integer max = config.maxOutputTokens();
    if (max != null && (max < 1 || max > model.outputTokenLimit())) {
      throw ApiException.outOfRange("maxOutputTokens", max, "1", Integer.toString(model.outputTokenLimit() + 1));
    }
    if (config.candidateCount() != null && config.candidateCount() > 1 && model.gemini3()) {
      throw ApiException.notEnabled("Multiple candidates", model.id());
    }
  }
}
