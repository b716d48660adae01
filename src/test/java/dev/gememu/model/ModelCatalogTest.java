package dev.gememu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gememu.api.ApiException;
import dev.gememu.api.ListModelsResponse;
import dev.gememu.api.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
  private final ModelCatalog catalog = new ModelCatalog(ModelCatalog.DEFAULT_MODELS);

  @Test
  void servesTheModelsGoogleServesTodayByDefault() {
    assertThat(ModelCatalog.DEFAULT_MODELS).contains(
        "gemini-3.5-flash", "gemini-3.7-flash", "gemini-3.8-flash", "gemini-3.1-pro-preview", "gemini-3.1-flash-lite",
        "gemini-2.5-flash-lite", "gemini-flash-latest", "gemini-flash-lite-latest", "gemini-pro-latest",
        "gemini-2.0-flash-001", "gemini-2.5-flash", "gemini-3-pro-preview");
  }

  @Test
  void describesAModelWithGooglesLimitsAndDefaults() {
    Model flash20 = ModelCatalog.toResource(catalog.require("v1beta", "gemini-2.0-flash-001", "get"));
    Model flash35 = ModelCatalog.toResource(catalog.require("v1beta", "gemini-3.5-flash", "get"));

    assertThat(flash20.outputTokenLimit()).isEqualTo(8_192);
    assertThat(flash20.topK()).isEqualTo(40);
    assertThat(flash20.thinking()).isNull();
    assertThat(flash35.version()).isEqualTo("3.5-flash-05-2026");
    assertThat(flash35.inputTokenLimit()).isEqualTo(1_048_576);
    assertThat(flash35.outputTokenLimit()).isEqualTo(65_536);
    assertThat(flash35.topK()).isEqualTo(64);
    assertThat(flash35.thinking()).isTrue();
    assertThat(flash35.temperature()).isEqualTo(1L);
    assertThat(flash35.topP()).isEqualTo(0.95);
    assertThat(flash35.maxTemperature()).isEqualTo(2L);
    assertThat(flash35.supportedGenerationMethods()).containsExactly(
        "generateContent", "countTokens", "createCachedContent", "batchGenerateContent");
  }

  @Test
  void behaviourFollowsTheFamilyNotAListOfNames() {
    assertThat(ModelInfo.forId("gemini-4.2-flash").gemini3()).isTrue();
    assertThat(ModelInfo.forId("gemini-3.9-pro-preview").gemini3()).isTrue();
    assertThat(ModelInfo.forId("gemini-10-ultra").gemini3()).isTrue();
    assertThat(ModelInfo.forId("gemini-ultra-latest").gemini3()).isTrue();
    assertThat(ModelInfo.forId("gemini-2.5-flash-preview-09-2025").gemini3()).isFalse();
    assertThat(ModelInfo.forId("gemini-2.5-flash-preview-09-2025").thinking()).isTrue();
    assertThat(ModelInfo.forId("gemini-2.0-flash-exp").thinking()).isFalse();
    assertThat(ModelInfo.forId("gemini-2.0-flash-exp").outputTokenLimit()).isEqualTo(8_192);
    assertThat(catalog.require("v1beta", "gemini-flash-latest", "get").gemini3()).isTrue();
    assertThat(catalog.require("v1beta", "gemini-2.5-pro", "get").gemini3()).isFalse();
  }

  @Test
  void anIdGoogleDoesNotListIsDescribedByItsFamily() {
    ModelInfo tuned = new ModelCatalog(List.of("gemini-3.9-flash")).require("v1", "gemini-3.9-flash", "get");

    assertThat(tuned.displayName()).isEqualTo("Gemini 3.9 Flash");
    assertThat(tuned.outputTokenLimit()).isEqualTo(65_536);
  }

  @Test
  void pagesThroughEveryModelWithOpaqueTokens() {
    List<String> names = new ArrayList<>();
    ListModelsResponse page = catalog.page(4, null);
    names.addAll(page.models().stream().map(Model::name).toList());
    while (page.nextPageToken() != null) {
      page = catalog.page(4, page.nextPageToken());
      names.addAll(page.models().stream().map(Model::name).toList());
    }

    assertThat(names).containsExactlyElementsOf(ModelCatalog.DEFAULT_MODELS.stream().map(id -> "models/" + id).toList());
  }

  @Test
  void anUnknownModelIsGooglesNotFound() {
    assertThatThrownBy(() -> catalog.require("v1beta", "gemini-0-nope", "generateContent"))
        .isInstanceOf(ApiException.class)
        .hasMessage("models/gemini-0-nope is not found for API version v1beta, or is not supported for generateContent."
            + " Call ListModels to see the list of available models and their supported methods.");
  }
}
