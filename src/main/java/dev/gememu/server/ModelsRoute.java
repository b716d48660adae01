package dev.gememu.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gememu.api.ApiException;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.GenerateContentResponse;
import dev.gememu.api.ModelCall;
import dev.gememu.api.Status;
import dev.gememu.model.ContentGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;

/** {@code POST /{version}/models/{model}:{method}}: the model resource's custom verbs. */
final class ModelsRoute {
  static final Set<String> API_VERSIONS = Set.of("v1", "v1beta", "v1alpha");

  private final ContentGenerator generator;
  private final ObjectMapper mapper;
  private final ObjectWriter prettyWriter;

  ModelsRoute(ContentGenerator generator, ObjectMapper mapper) {
    this.generator = generator;
    this.mapper = mapper;
    this.prettyWriter = JsonMapper.prettyWriter(mapper);
  }

  void post(Context ctx) throws IOException {
    ModelCall call = ModelCall.parse(apiVersion(ctx), ctx.pathParam("call"), ctx.headerMap());
    switch (call.method()) {
      case GENERATE_CONTENT -> generate(ctx, call);
      case STREAM_GENERATE_CONTENT -> stream(ctx, call);
      default -> throw new ApiException(Status.UNIMPLEMENTED, call.method().verb() + " is not implemented yet.");
    }
  }

  private void generate(Context ctx, ModelCall call) throws IOException {
    ContentGenerator.Turn turn = generator.prepare(call, readBody(ctx, GenerateContentRequest.class));
    GenerateContentResponse response = turn.complete();
    DriftHeader.value(turn.executed(), turn.source()).ifPresent(drift -> ctx.header(DriftHeader.NAME, drift));
    Responses.json(ctx, prettyWriter, response);
  }

  /** Errors found before the first event are plain HTTP errors (wrapped in an array without SSE). */
  private void stream(Context ctx, ModelCall call) throws IOException {
    boolean sse = "sse".equals(ctx.queryParam("alt"));
    ContentGenerator.Turn turn;
    try {
      turn = generator.prepare(call, readBody(ctx, GenerateContentRequest.class));
    } catch (RuntimeException | IOException error) {
      if (sse) {
        throw error;
      }
      ApiException api = ErrorMapper.toApiException(error);
      Responses.json(ctx, prettyWriter, api.status().httpCode(), java.util.List.of(api.toEnvelope()));
      return;
    }
    ctx.status(200).contentType(StreamWriter.contentType(sse));
    if (sse) {
      ctx.header("Content-Disposition", "attachment");
    }
    StreamWriter events = new StreamWriter(ctx.res().getOutputStream(), sse, mapper);
    turn.stream(events::event);
    events.finish();
  }

  static String apiVersion(Context ctx) {
    String version = ctx.pathParam("version");
    if (!API_VERSIONS.contains(version)) {
      throw new ApiException(Status.NOT_FOUND, "API version " + version + " is not served; use v1, v1beta or v1alpha.");
    }
    return version;
  }

  private <T> T readBody(Context ctx, Class<T> type) throws IOException {
    byte[] body = ctx.bodyAsBytes();
    return mapper.readValue(body.length == 0 ? "{}".getBytes() : body, type);
  }
}
