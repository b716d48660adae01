package dev.gememu.model;

import dev.gememu.api.ApiException;
import dev.gememu.api.GenerationConfig;
import java.util.List;

/**
 * The generation settings Google refuses for a model, with its messages: values outside their range,
 * and settings the model does not have. Ranges as Google states them in its errors (temperature up to
 * 2.0001 exclusive, maxOutputTokens and topK up to the model's limit plus one, at most 5 stop sequences).
 * Penalties and logprobs exist on Gemini 2.0 only: later models refuse a non-zero penalty and
 * {@code responseLogprobs}, while a zero penalty is accepted everywhere (Google does not check it).
 */
final class GenerationSettings {
  private static final int MAX_CANDIDATES = 8;
  private static final int MAX_STOP_SEQUENCES = 5;
  private static final int MAX_LOGPROBS = 20;
  private static final int PENALTY_LIMIT = 2;

  private GenerationSettings() {}

  static void check(ModelInfo model, GenerationConfig config) {
    if (config == null) {
      return;
    }
    checkSampling(model, config);
    checkOutput(model, config);
    checkPenalties(model, config);
    checkLogprobs(model, config);
    ThinkingSettings.check(model, config.thinkingConfig());
  }

  private static void checkSampling(ModelInfo model, GenerationConfig config) {
    if (config.temperature() != null && (config.temperature() < 0 || config.temperature() >= 2.0001)) {
      throw ApiException.outOfRange("temperature", config.temperature(), "0", "2.0001");
    }
    if (config.topP() != null && (config.topP() < 0 || config.topP() >= 1.0001)) {
      throw ApiException.outOfRange("topP", config.topP(), "0", "1.0001");
    }
    Integer topK = config.topK();
    if (topK != null && (topK < 1 || topK > model.topK())) {
      throw ApiException.outOfRange("topK", topK, "1", Integer.toString(model.topK() + 1));
    }
  }

  private static void checkOutput(ModelInfo model, GenerationConfig config) {
    Integer max = config.maxOutputTokens();
    if (max != null && (max < 1 || max > model.outputTokenLimit())) {
      throw ApiException.outOfRange("maxOutputTokens", max, "1", Integer.toString(model.outputTokenLimit() + 1));
    }
    Integer candidates = config.candidateCount();
    if (candidates != null && (candidates < 0 || candidates > MAX_CANDIDATES)) {
      throw ApiException.outOfRange("candidateCount", candidates, "1", Integer.toString(MAX_CANDIDATES + 1));
    }
    if (candidates != null && candidates > 1 && model.gemini3()) {
      throw ApiException.notEnabled("Multiple candidates", model.id());
    }
    List<String> stops = config.stopSequences();
    if (stops != null && stops.size() > MAX_STOP_SEQUENCES) {
      throw ApiException.outOfRange("stopSequences", stops.size(), "1", Integer.toString(MAX_STOP_SEQUENCES + 1));
    }
  }

  private static void checkPenalties(ModelInfo model, GenerationConfig config) {
    checkPenalty(model, "presencePenalty", config.presencePenalty());
    checkPenalty(model, "frequencyPenalty", config.frequencyPenalty());
  }

  private static void checkPenalty(ModelInfo model, String setting, Double value) {
    if (value == null || value == 0) {
      return;
    }
    if (!model.penaltiesAndLogprobs()) {
      throw ApiException.notEnabled("Penalty", model.id());
    }
    if (value < -PENALTY_LIMIT || value >= PENALTY_LIMIT) {
      throw ApiException.outOfRange(setting, value, Integer.toString(-PENALTY_LIMIT), Integer.toString(PENALTY_LIMIT));
    }
  }

  private static void checkLogprobs(ModelInfo model, GenerationConfig config) {
    if (Boolean.TRUE.equals(config.responseLogprobs()) && !model.penaltiesAndLogprobs()) {
      throw ApiException.notEnabled("Logprobs", model.id());
    }
    Integer logprobs = config.logprobs();
    if (logprobs != null && (logprobs < 0 || logprobs > MAX_LOGPROBS)) {
      throw ApiException.outOfRange("logprobs", logprobs, "0", Integer.toString(MAX_LOGPROBS + 1));
    }
  }
}
