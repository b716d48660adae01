package dev.gememu.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gemini models Google's {@code GET /v1beta/models} lists for generateContent, with the fields it
 * lists them with (a real listing of June 2026; the 3.6 to 3.8 Flash models, GA in September 2026, are
 * described like 3.5 Flash). gememu serves all of them by default.
 */
final class KnownModels {
  private static final String STABLE_FLASH =
      "Stable version of Gemini 2.5 Flash, our mid-size multimodal model that supports up to 1 million tokens, released in June of 2025.";

  private static final Map<String, ModelInfo> MODELS = index(List.of(
      gemini25("gemini-2.5-flash", "001", "Gemini 2.5 Flash", STABLE_FLASH, ThinkingBudget.FLASH_2_5),
      gemini25("gemini-2.5-pro", "2.5", "Gemini 2.5 Pro", "Stable release (June 17th, 2025) of Gemini 2.5 Pro",
          ThinkingBudget.PRO_2_5),
      gemini20("gemini-2.0-flash", "Gemini 2.0 Flash", "Gemini 2.0 Flash"),
      model("gemini-3-flash-preview", "3-flash-preview-12-2025", "Gemini 3 Flash Preview", "Gemini 3 Flash Preview"),
      model("gemini-3-pro-preview", "3-pro-preview-11-2025", "Gemini 3 Pro Preview", "Gemini 3 Pro Preview"),
      gemini20("gemini-2.0-flash-001", "Gemini 2.0 Flash 001",
          "Stable version of Gemini 2.0 Flash, our fast and versatile multimodal model for scaling across diverse tasks, released in January of 2025."),
      gemini20("gemini-2.0-flash-lite", "Gemini 2.0 Flash-Lite", "Gemini 2.0 Flash-Lite"),
      gemini20("gemini-2.0-flash-lite-001", "Gemini 2.0 Flash-Lite 001", "Stable version of Gemini 2.0 Flash-Lite"),
      gemini25("gemini-2.5-flash-lite", "001", "Gemini 2.5 Flash-Lite", "Stable version of Gemini 2.5 Flash-Lite, released in July of 2025",
          ThinkingBudget.FLASH_LITE_2_5),
      model("gemini-flash-latest", "Gemini Flash Latest", "Gemini Flash Latest", "Latest release of Gemini Flash"),
      model("gemini-flash-lite-latest", "Gemini Flash-Lite Latest", "Gemini Flash-Lite Latest", "Latest release of Gemini Flash-Lite"),
      model("gemini-pro-latest", "Gemini Pro Latest", "Gemini Pro Latest", "Latest release of Gemini Pro"),
      model("gemini-3.1-pro-preview", "3.1-pro-preview-01-2026", "Gemini 3.1 Pro Preview", "Gemini 3.1 Pro Preview"),
      model("gemini-3.1-flash-lite-preview", "3.1-flash-lite-preview-03-2026", "Gemini 3.1 Flash Lite Preview", "Gemini 3.1 Flash Lite Preview"),
      model("gemini-3.1-flash-lite", "3.1-flash-lite-05-2026", "Gemini 3.1 Flash Lite", "Gemini 3.1 Flash Lite"),
      model("gemini-3.5-flash", "3.5-flash-05-2026", "Gemini 3.5 Flash", "Gemini 3.5 Flash"),
      model("gemini-3.6-flash", "3.6-flash", "Gemini 3.6 Flash", "Gemini 3.6 Flash"),
      model("gemini-3.7-flash", "3.7-flash", "Gemini 3.7 Flash", "Gemini 3.7 Flash"),
      model("gemini-3.8-flash", "3.8-flash", "Gemini 3.8 Flash", "Gemini 3.8 Flash")));

  /** The ids gememu serves when {@code --models} does not say otherwise, in Google's listing order. */
  static final List<String> IDS = List.copyOf(MODELS.keySet());

  private KnownModels() {}

  /** What Google lists for {@code id}, or what its family implies for an id Google does not list. */
  static ModelInfo describe(String id) {
    ModelInfo known = MODELS.get(id);
    return known != null ? known : ModelInfo.forId(id);
  }

  /** A Gemini 3-or-later model (or an alias of one): 1M tokens in, 64K out, topK 64, thinking. */
  private static ModelInfo model(String id, String version, String displayName, String description) {
    return new ModelInfo(id, version, displayName, description, 1_048_576, 65_536, 64, true, true,
        ThinkingBudget.UNCHECKED);
  }

  /** A Gemini 2.5 model: like {@link #model}, without Gemini 3's ways, and with its own thinking budgets. */
  private static ModelInfo gemini25(String id, String version, String displayName, String description,
      ThinkingBudget budget) {
    return new ModelInfo(id, version, displayName, description, 1_048_576, 65_536, 64, true, false, budget);
  }

  /** A Gemini 2.0 model: 1M tokens in, 8K out, topK 40, no thinking. */
  private static ModelInfo gemini20(String id, String displayName, String description) {
    return new ModelInfo(id, "2.0", displayName, description, 1_048_576, 8_192, 40, false, false,
        ThinkingBudget.UNCHECKED);
  }

  private static Map<String, ModelInfo> index(List<ModelInfo> models) {
    Map<String, ModelInfo> byId = new LinkedHashMap<>();
    models.forEach(model -> byId.put(model.id(), model));
    return byId;
  }
}
