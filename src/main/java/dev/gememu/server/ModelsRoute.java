package dev.gememu.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gememu.api.ApiException;
import dev.gememu.api.CountTokensRequest;
import dev.gememu.api.Framing;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.GenerateContentResponse;
import dev.gememu.api.ModelCall;
import dev.gememu.api.Status;
import dev.gememu.fixtures.CanonicalRequest;
import dev.gememu.model.ContentGenerator;
import dev.gememu.model.ModelCatalog;
import dev.gememu.model.Reply;
import dev.gememu.model.Upstream;
import dev.gememu.model.UpstreamRequest;
import dev.gememu.model.WireAnswer;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code models} resource: list, get, and the custom verbs {@code {model}:{method}}. */
final class ModelsRoute {
  static final Set<String> API_VERSIONS = Set.of("v1", "v1beta", "v1alpha");

  private final ModelBackend backend;
  private final BodyReader bodies;
  private final ObjectMapper mapper;
  private final ObjectWriter prettyWriter;

  ModelsRoute(ModelBackend backend, BodyReader bodies, ObjectMapper mapper) {
    this.backend = backend;
    this.bodies = bodies;
    this.mapper = mapper;
    this.prettyWriter = JsonMapper.prettyWriter(mapper);
  }

  void list(Context ctx) throws IOException {
    apiVersion(ctx);
    if (backend.upstream().isPresent()) {
      proxy(ctx, null, backend.upstream().get());
      return;
    }
    if (recordedOrPassedOn(ctx, null, "models.list", null,
        CanonicalRequest.ofModelsList(ctx.queryParam("pageSize"), ctx.queryParam("pageToken")))) {
      return;
    }
    Responses.json(ctx, prettyWriter, backend.catalog().page(pageSize(ctx.queryParam("pageSize")), ctx.queryParam("pageToken")));
  }

  static Integer pageSize(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException notAnInt32) {
      throw ApiException.invalidArgument("Invalid value at 'page_size' (TYPE_INT32), \"" + text + "\"");
    }
  }

  void get(Context ctx) throws IOException {
    String version = apiVersion(ctx);
    if (backend.upstream().isPresent()) {
      proxy(ctx, null, backend.upstream().get());
      return;
    }
    String id = ctx.pathParam("call");
    if (id.contains(":")) {
      throw new ApiException(Status.NOT_FOUND, "The requested URL was not found on this server (GET " + ctx.path() + ").");
    }
    if (recordedOrPassedOn(ctx, null, "models.get", id, null)) {
      return;
    }
    Responses.json(ctx, prettyWriter, ModelCatalog.toResource(backend.catalog().require(version, id, "get")));
  }

  void post(Context ctx) throws IOException {
    ModelCall call = ModelCall.parse(apiVersion(ctx), ctx.pathParam("call"), ctx.headerMap());
    if (backend.upstream().isPresent()) {
      proxy(ctx, call, backend.upstream().get());
      return;
    }
    switch (call.method()) {
      case GENERATE_CONTENT -> generate(ctx, call);
      case STREAM_GENERATE_CONTENT -> stream(ctx, call);
      case COUNT_TOKENS -> countTokens(ctx, call);
    }
  }

  private void countTokens(Context ctx, ModelCall call) throws IOException {
    ExchangeCapture.of(ctx).model(call, null);
    CountTokensRequest request = bodies.read(ctx, CountTokensRequest.class);
    byte[] body = RequestBody.bytes(ctx);
    if (!recordedOrPassedOn(ctx, call, "countTokens", call.model(), body.length == 0 ? null : mapper.readTree(body))) {
      Responses.json(ctx, prettyWriter, backend.generator().countTokens(call, request));
    }
  }

  /**
   * Answers a countTokens or models call from its recording, or, in auto mode, from the upstream
   * (recording it); false when neither applies and gememu answers itself.
   */
  private boolean recordedOrPassedOn(Context ctx, ModelCall call, String method, String model,
      JsonNode request) {
    Optional<Reply.Verbatim> recorded = backend.recordings().find(method, model, request);
    if (recorded.isPresent()) {
      ExchangeCapture capture = ExchangeCapture.of(ctx);
      try {
        recorded.get().answer().send(Framing.JSON, new ContextSink(ctx, false));
      } catch (RuntimeException e) {
        capture.failed(recorded.get(), e);
        throw e;
      }
      capture.answered(recorded.get(), List.of());
      return true;
    }
    if (backend.onMiss().isPresent()) {
      proxy(ctx, call, backend.onMiss().get());
      return true;
    }
    return false;
  }

  private void generate(Context ctx, ModelCall call) throws IOException {
    ContentGenerator.Turn turn = prepare(ctx, call);
    if (turn.verbatim()) {
      sendVerbatim(ctx, call, turn);
      return;
    }
    GenerateContentResponse response = turn.complete();
    DriftHeader.value(turn.executed(), turn.source()).ifPresent(drift -> ctx.header(DriftHeader.NAME, drift));
    Responses.json(ctx, prettyWriter, response);
  }

  /**
   * Errors found before the first event are plain HTTP errors (wrapped in an array without SSE, see
   * {@link Responses#error}); one that happens later can only be sent in-band, as a last event
   * holding Google's envelope, which the SDKs' stream readers raise.
   */
  private void stream(Context ctx, ModelCall call) throws IOException {
    ContentGenerator.Turn turn = prepare(ctx, call);
    if (turn.verbatim()) {
      sendVerbatim(ctx, call, turn);
      return;
    }
    StreamWriter events = new StreamWriter(ctx, Responses.isSse(ctx), mapper);
    try {
      turn.stream(events::event);
    } catch (RuntimeException error) {
      if (!events.started()) {
        throw error;
      }
      ApiException inBand = ErrorMapper.toApiException(error);
      ExchangeCapture.of(ctx).error(inBand.getMessage());
      events.event(inBand.toEnvelope());
    }
    events.finish();
  }

  /** A recorded (or upstream) answer goes out as it was sent; once started, it can only end as it is. */
  private static void sendVerbatim(Context ctx, ModelCall call, ContentGenerator.Turn turn) {
    Framing framing = Framing.of(call.method(), Responses.isSse(ctx));
    turn.send(framing, new ContextSink(ctx, framing.streams()));
  }

  /** Record mode (and auto mode on a miss): the request goes upstream as received, and its answer comes back as it arrives. */
  private void proxy(Context ctx, ModelCall call, Upstream target) {
    Framing framing = call == null ? Framing.JSON : Framing.of(call.method(), Responses.isSse(ctx));
    ExchangeCapture capture = ExchangeCapture.of(ctx);
    if (call != null) {
      capture.model(call, null);
    }
    Map<String, String> headers = RequestBody.lowerCasedHeaders(ctx);
    WireAnswer answer = target.forward(new UpstreamRequest(ctx.method().name(), ctx.path(), ctx.queryString(), headers,
        ctx.method().name().equals("GET") ? "" : RequestBody.text(ctx), call));
    Reply reply = new Reply.Verbatim(answer, target.describe());
    try {
      answer.send(framing, new ContextSink(ctx, framing.streams()));
    } catch (RuntimeException e) {
      capture.failed(reply, e);
      throw e;
    }
    capture.answered(reply, List.of());
  }

  /** Reads the body (noting the fields a lenient read ignored, for the journal) and decides the reply. */
  private ContentGenerator.Turn prepare(Context ctx, ModelCall call) throws IOException {
    ExchangeCapture capture = ExchangeCapture.of(ctx);
    capture.model(call, null);
    GenerateContentRequest request = bodies.read(ctx, GenerateContentRequest.class);
    ModelCall read = call.withIgnoredFields(BodyReader.ignoredFields(ctx)).withSent(RequestBody.text(ctx),
        ctx.queryString());
    capture.model(read, request);
    return backend.generator().prepare(read, request, capture);
  }

  static String apiVersion(Context ctx) {
    return requireApiVersion(ctx, ctx.pathParam("version"));
  }

  static String requireApiVersion(Context ctx, String version) {
    if (!API_VERSIONS.contains(version)) {
      throw new ApiException(Status.NOT_FOUND, "The requested URL was not found on this server (" + ctx.method()
          + " " + ctx.path() + "). API versions served: v1, v1beta, v1alpha.");
    }
    return version;
  }
}
