package dev.gememu.model;

import dev.gememu.api.ApiException;
import dev.gememu.api.ModelCall;
import dev.gememu.api.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models gememu answers as; any other model id gets Google's 404. */
public final class ModelCatalog {
  public static final List<String> DEFAULT_MODELS = List.of(
      "gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.0-flash", "gemini-3-flash-preview", "gemini-3-pro-preview");

  private final Map<String, ModelInfo> models = new LinkedHashMap<>();

  public ModelCatalog(List<String> modelIds) {
    for (String id : modelIds) {
      models.put(id, ModelInfo.forId(id));
    }
  }

  public List<ModelInfo> all() {
    return List.copyOf(models.values());
  }

  /** The model the call names, or Google's NOT_FOUND error. */
  public ModelInfo require(ModelCall call) {
    ModelInfo model = models.get(call.model());
    if (model == null) {
      throw new ApiException(Status.NOT_FOUND, call.resourceName() + " is not found for API version "
          + call.apiVersion() + ", or is not supported for " + call.method().verb()
          + ". Call ListModels to see the list of available models and their supported methods.");
    }
    return model;
  }
}
