package dev.gememu.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gememu.api.ApiException;
import dev.gememu.api.GenerateContentRequest;
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
    ModelCall call = ModelCall.parse(apiVersion(ctx), ctx.pathParam("call"));
    GenerateContentRequest request = readBody(ctx, GenerateContentRequest.class);
    switch (call.method()) {
      case GENERATE_CONTENT -> Responses.json(ctx, prettyWriter, generator.generate(call, request));
      default -> throw new ApiException(Status.UNIMPLEMENTED, call.method().verb() + " is not implemented yet.");
    }
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
