package dev.gememu.model;

import dev.gememu.api.ApiException;
import dev.gememu.api.ListModelsResponse;
import dev.gememu.api.Model;
import dev.gememu.api.ModelCall;
import dev.gememu.api.PageTokens;
import dev.gememu.api.Status;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models gememu answers as; any other model id gets Google's 404. */
public final class ModelCatalog {
  /** Every model Google lists for generateContent today; see {@link KnownModels}. */
  public static final List<String> DEFAULT_MODELS = KnownModels.IDS;

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 1000;

  private final Map<String, ModelInfo> models = new LinkedHashMap<>();

  public ModelCatalog(List<String> modelIds) {
    for (String id : modelIds) {
      models.put(id, KnownModels.describe(id));
    }
  }

  public List<ModelInfo> all() {
    return List.copyOf(models.values());
  }

  /** The model the call names, or Google's NOT_FOUND error. */
  public ModelInfo require(ModelCall call) {
    return require(call.apiVersion(), call.model(), call.method().verb());
  }

  /** The model with the given id, or Google's NOT_FOUND error naming the method asked for. */
  public ModelInfo require(String apiVersion, String id, String method) {
    ModelInfo model = models.get(id);
    if (model == null) {
      throw new ApiException(Status.NOT_FOUND, "models/" + id + " is not found for API version "
          + apiVersion + ", or is not supported for " + method
          + ". Call ListModels to see the list of available models and their supported methods.");
    }
    return model;
  }

  /** One page of the model list; page tokens are opaque offsets. */
  public ListModelsResponse page(Integer pageSize, String pageToken) {
    int size = pageSize == null || pageSize <= 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
    int offset = PageTokens.decode(pageToken);
    List<ModelInfo> all = all();
    int end = Math.min(all.size(), offset + size);
    List<Model> page = all.subList(Math.min(offset, all.size()), end).stream().map(ModelCatalog::toResource).toList();
    String next = end < all.size() ? PageTokens.encode(end) : null;
    return new ListModelsResponse(page, next);
  }

  /** The resource Google returns for a model, with its published limits and defaults. */
  public static Model toResource(ModelInfo info) {
    return new Model("models/" + info.id(), info.version(), info.displayName(), info.description(),
        info.inputTokenLimit(), info.outputTokenLimit(),
        List.of("generateContent", "countTokens", "createCachedContent", "batchGenerateContent"),
        number(ModelInfo.TEMPERATURE), number(ModelInfo.TOP_P), info.topK(), number(ModelInfo.MAX_TEMPERATURE),
        info.thinking() ? Boolean.TRUE : null);
  }

  /** Google writes a whole-valued double as an integer ({@code "temperature": 1}). */
  private static Number number(double value) {
    return value == Math.rint(value) ? (Number) (long) value : (Number) value;
  }
}
