package dev.gememu.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Recorded answers to the calls besides content generation: {@code countTokens}, models get and list. */
public interface CallRecordings {
  /** Nothing recorded. */
  CallRecordings NONE = (method, model, request) -> Optional.empty();

  /**
   * The recorded answer to this call, played back as recorded, if there is one.
   *
   * @param method {@code countTokens}, {@code models.get} or {@code models.list}
   * @param model the model id, or null for {@code models.list}
   * @param request the countTokens body as sent, the page a models list asks for ({@code pageSize},
   *     {@code pageToken}), or null for a models get
   */
  Optional<Reply.Verbatim> find(String method, String model, JsonNode request);
}
