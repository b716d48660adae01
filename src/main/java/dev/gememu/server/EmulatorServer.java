package dev.gememu.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gememu.api.ApiException;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.GenerateContentResponse;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.files.FileStore;
import dev.gememu.files.Uploads;
import dev.gememu.fixtures.FixtureStore;
import dev.gememu.journal.ExchangeStore;
import dev.gememu.journal.Journal;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the Javalin server and declares every route in one place. */
public final class EmulatorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

  private final Javalin app;
  private final ObjectWriter prettyWriter;

  public EmulatorServer(ModelBackend backend, FileStore files, Uploads uploads, FixtureStore fixtures,
      ExchangeStore exchanges, ServerSettings settings, Clock clock) {
    ObjectMapper mapper = JsonMapper.shared();
    this.prettyWriter = JsonMapper.prettyWriter(mapper);
    BodyReader bodies = new BodyReader(mapper, settings.lenient());
    ModelsRoute models = new ModelsRoute(backend, bodies, mapper);
    FilesRoute filesRoute = new FilesRoute(files, uploads, bodies, prettyWriter);
    ApiKeyCheck apiKeys = new ApiKeyCheck(settings.apiKeys());
    AdminRoute admin = new AdminRoute(fixtures, new FixtureLoader(), new Journal(exchanges), prettyWriter);
    Steps steps = new Steps(clock, apiKeys, exchanges, settings);
    CompressionStrategy compression = CompressionStrategy.GZIP;
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.customCompression(compression);
      config.http.maxRequestSize = RequestBody.MAX_BYTES;
      config.jetty.modifyServer(server -> {
        server.setErrorHandler(new JettyErrorHandler(prettyWriter));
        ClientErrorConnections.install(server);
        if (backend.upstream().isEmpty()) {
          server.insertHandler(new ModelCallHandler(steps, models::post, compression));
        }
      });
      config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
      config.requestLogger.http(steps::log);
    });
    app.before(steps::before);
    app.after(steps::after);
    app.get("/{version}/models", models::list);
    app.get("/{version}/models/{call}", models::get);
    // The model calls ModelCallHandler leaves to Javalin (unusual paths): a turned-away one waits for its 503 too.
    app.post("/{version}/models/{call}", ctx -> {
      try {
        models.post(ctx);
      } catch (Exception error) {
        if (!ModelCallHandler.turnedAway(error)) {
          throw error;
        }
        ctx.future(() -> ModelCallHandler.overloadPause(ctx.req()).thenRun(() -> steps.failed(error, ctx)));
      }
    });
    app.post("/upload/{version}/files", filesRoute::upload);
    // Starts with the API version doubled in front (@google/genai given a base URL, js-genai #1206), and
    // chunks under a base URL's path prefix that an SDK put in front of the upload URL's own path.
    app.post("/<prefix>/upload/{version}/files", filesRoute::upload);
    app.get("/{version}/files", filesRoute::list);
    app.get("/{version}/files/{id}", filesRoute::get);
    app.delete("/{version}/files/{id}", filesRoute::delete);
    app.get(AdminRoute.PREFIX + "/health", admin::health);
    app.get(AdminRoute.PREFIX + "/fixtures", admin::list);
    app.post(AdminRoute.PREFIX + "/fixtures", admin::add);
    app.post(AdminRoute.PREFIX + "/fixtures/reset", admin::reset);
    app.post(AdminRoute.PREFIX + "/fixtures/reload", admin::reload);
    app.delete(AdminRoute.PREFIX + "/fixtures/<name>", admin::remove);
    app.get(AdminRoute.PREFIX + "/journal", admin::journal);
    app.delete(AdminRoute.PREFIX + "/journal", admin::clearJournal);
    // Javalin answers its own HttpResponseExceptions (an unknown route) itself unless a handler names that class.
    app.exception(HttpResponseException.class, steps::failed);
    app.exception(Exception.class, steps::failed);
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        writeError(ctx, JettyErrorHandler.forHttpCode(404, ctx.method() + " " + ctx.path()));
      }
    });
  }

  /**
   * Builds what a server's first model call needs from Jackson, most of that call's cost when cold
   * (the wire records' reader and writer), by reading a request and writing a reply with the
   * {@linkplain JsonMapper#shared() shared mapper}; a start-up runs it on a thread of its own.
   */
  public static void prepare() {
    ObjectMapper mapper = JsonMapper.shared();
    try {
      mapper.readerFor(GenerateContentRequest.class).readValue(PREPARED_REQUEST);
      GenerateContentResponse reply = mapper.readerFor(GenerateContentResponse.class).readValue(PREPARED_REPLY);
      JsonMapper.prettyWriter(mapper).writeValueAsString(reply);
    } catch (IOException e) {
      throw new UncheckedIOException("the prepared call no longer fits the wire records", e);
    }
  }

  private static final String PREPARED_REQUEST = "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"x\"}]}]}";
  private static final String PREPARED_REPLY = "{\"candidates\": [{\"content\": {\"role\": \"model\", \"parts\": [{\"text\": \"y\"}]},"
      + " \"finishReason\": \"STOP\", \"index\": 0}], \"usageMetadata\": {\"promptTokenCount\": 1, \"candidatesTokenCount\": 1,"
      + " \"totalTokenCount\": 2, \"promptTokensDetails\": [{\"modality\": \"TEXT\", \"tokenCount\": 1}]},"
      + " \"modelVersion\": \"gemini-2.5-flash\", \"responseId\": \"prepared\"}";

  /** Starts listening; port 0 picks a free port. Returns this server. */
  public EmulatorServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  private void writeError(Context ctx, ApiException error) {
    try {
      Responses.error(ctx, prettyWriter, error);
    } catch (IOException e) {
      ctx.status(500);
    }
  }

  /** What runs around every route, under Javalin and in {@link ModelCallHandler} alike. */
  private final class Steps implements ModelCallHandler.Steps {
    private final Clock clock;
    private final ApiKeyCheck apiKeys;
    private final ExchangeStore exchanges;
    private final ServerSettings settings;

    Steps(Clock clock, ApiKeyCheck apiKeys, ExchangeStore exchanges, ServerSettings settings) {
      this.clock = clock;
      this.apiKeys = apiKeys;
      this.exchanges = exchanges;
      this.settings = settings;
    }

    @Override
    public void before(Context ctx) {
      if (!ctx.path().startsWith(AdminRoute.PREFIX)) {
        ExchangeCapture.begin(ctx, clock);
      }
      RequestTarget.requireValidEscapes(ctx.req());
      if ((ctx.path().startsWith("/v1") || ctx.path().startsWith("/upload/")) && !FilesRoute.isChunk(ctx)) {
        apiKeys.check(ctx);
      }
    }

    @Override
    public void failed(Exception error, Context ctx) {
      if (error instanceof HttpResponseException http) {
        writeError(ctx, JettyErrorHandler.forHttpCode(http.getStatus(), ctx.method() + " " + ctx.path()));
      } else {
        writeError(ctx, ErrorMapper.toApiException(error));
      }
    }

    @Override
    public void after(Context ctx) {
      if (ExchangeCapture.captured(ctx)) {
        exchanges.add(ExchangeCapture.of(ctx).finish(ctx, settings.redaction()));
      }
    }

    /**
     * Answers that went wrong at INFO, the rest at DEBUG: a line per answer cost ~8% of the CPU of a
     * playback request (the journal keeps every exchange anyway).
     */
    @Override
    public void log(Context ctx, float millis) {
      if (ctx.statusCode() >= 400) {
        LOG.info("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis));
      } else if (LOG.isDebugEnabled()) {
        LOG.debug("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis));
      }
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
