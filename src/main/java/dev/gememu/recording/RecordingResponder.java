package dev.gememu.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;
import dev.gememu.model.Lookup;
import dev.gememu.model.Reply;
import dev.gememu.model.Responder;
import dev.gememu.model.UpstreamRequest;
import dev.gememu.server.JsonMapper;

/**
 * The last responder in auto mode (record on miss): a request no fixture answered goes to the
 * upstream as the client sent it, and its answer is relayed and recorded, so the next identical
 * request plays it back.
 */
public final class RecordingResponder implements Responder {
  private final UpstreamProxy upstream;
  private final ObjectMapper mapper = JsonMapper.create();

  public RecordingResponder(UpstreamProxy upstream) {
    this.upstream = upstream;
  }

  @Override
  public Lookup respond(ModelCall call, GenerateContentRequest request) {
    String body = call.body();
    if (body.isEmpty()) {
      try {
        body = mapper.writeValueAsString(request); // a call made in process, not over HTTP
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    UpstreamRequest forwarded = new UpstreamRequest("POST",
        "/" + call.apiVersion() + "/models/" + call.model() + ":" + call.method().verb(), call.query(), call.headers(),
        body, call);
    return new Lookup.Found(new Reply.Verbatim(upstream.forward(forwarded), upstream.describe()));
  }
}
