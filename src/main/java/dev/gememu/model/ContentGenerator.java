package dev.gememu.model;

import dev.gememu.api.ApiException;
import dev.gememu.api.FinishReason;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.GenerateContentResponse;
import dev.gememu.api.ModelCall;
import dev.gememu.api.Part;
import dev.gememu.api.RequestValidator;
import dev.gememu.api.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The emulated model: validates a request, asks the responders in order what to say, runs the
 * reply's code and assembles Google's response.
 */
public final class ContentGenerator {
  private static final int QUOTED_TEXT_LIMIT = 200;

  private final ModelCatalog catalog;
  private final List<Responder> responders;
  private final TurnRunner turnRunner;
  private final TokenEstimator tokens;
  private final Supplier<String> responseIds;

  public ContentGenerator(ModelCatalog catalog, List<Responder> responders, TurnRunner turnRunner,
      TokenEstimator tokens, Supplier<String> responseIds) {
    this.catalog = catalog;
    this.responders = List.copyOf(responders);
    this.turnRunner = turnRunner;
    this.tokens = tokens;
    this.responseIds = responseIds;
  }

  public GenerateContentResponse generate(ModelCall call, GenerateContentRequest request) {
    ModelInfo model = catalog.require(call);
    RequestValidator.validate("GenerateContentRequest", request.contents());
    Reply reply = decide(call, request);
    List<Part> parts = new ArrayList<>();
    turnRunner.run(reply, model, parts::add);
    int prompt = tokens.countContents(request.contents()) + tokens.countContent(request.systemInstruction());
    return GenerateContentResponse.of(parts, FinishReason.STOP, tokens.usage(prompt, parts), model.id(),
        responseIds.get());
  }

  private Reply decide(ModelCall call, GenerateContentRequest request) {
    StringBuilder misses = new StringBuilder();
    for (Responder responder : responders) {
      Lookup lookup = responder.respond(call, request);
      if (lookup instanceof Lookup.Found found) {
        return found.reply();
      }
      misses.append("\n- ").append(((Lookup.Missing) lookup).explanation());
    }
    throw new ApiException(Status.NOT_FOUND, "gememu has no reply for this request (model " + call.model()
        + ", last user text \"" + abbreviate(request.lastUserText()) + "\"). Tried:" + misses
        + "\nTo get a reply, put the Python to run in a ```python fenced block of the last user turn"
        + " and enable the code execution tool, or add a fixture that matches this request.");
  }

  private static String abbreviate(String text) {
    return text.length() <= QUOTED_TEXT_LIMIT ? text : text.substring(0, QUOTED_TEXT_LIMIT) + "…";
  }
}
