package dev.gememu.server;

import dev.gememu.executor.ExecutorSaturatedException;
import io.javalin.compression.CompressedOutputStream;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Serves {@code POST /{version}/models/{model}:{method}} in its plain form straight from Jetty,
 * ahead of Javalin, through the same steps in the same order (capture, checks, route, error
 * mapping, journal, log) as Javalin would run them: Javalin's own routing and per-request machinery
 * was about a fifth of a playback request's CPU. Any other request, or a model call whose path holds
 * anything unusual (escapes, a trailing slash), goes on to Javalin.
 */
final class ModelCallHandler extends HandlerWrapper {
  static final String PATH = "/{version}/models/{call}";
  /** How long a code request turned away at a full queue waits for its 503; see {@link #answerAfterPause}. */
  static final Duration OVERLOAD_PAUSE = Duration.ofSeconds(1);
  private static final String MODELS = "/models/";

  /** What runs around the route for every request, under Javalin or here. */
  interface Steps {
    void before(Context ctx) throws Exception;

    void failed(Exception error, Context ctx);

    void after(Context ctx);

    void log(Context ctx, float millis);
  }

  private final Steps steps;
  private final Handler route;
  private final CompressionStrategy compression;

  /** @param compression the one Javalin compresses its own routes' answers with */
  ModelCallHandler(Steps steps, Handler route, CompressionStrategy compression) {
    this.steps = steps;
    this.route = route;
    this.compression = compression;
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Map<String, String> params = "POST".equals(request.getMethod()) ? pathParams(request.getRequestURI()) : null;
    if (params == null) {
      super.handle(target, baseRequest, request, response);
      return;
    }
    baseRequest.setHandled(true);
    long start = System.nanoTime();
    DirectContext ctx = new DirectContext(request, response, params);
    boolean turnedAway = false;
    try {
      steps.before(ctx);
      route.handle(ctx);
    } catch (Exception error) {
      turnedAway = turnedAway(error);
      steps.failed(error, ctx);
    }
    steps.after(ctx);
    if (turnedAway) {
      answerAfterPause(baseRequest, ctx, start);
      return;
    }
    writeResult(ctx);
    steps.log(ctx, (System.nanoTime() - start) / 1e6f);
  }

  /**
   * A code request turned away because every worker is busy and the queue is full gets its 503 after
   * {@link #OVERLOAD_PAUSE}, holding no thread meanwhile: a client that retries at once would otherwise
   * spin on 503s, and many such clients take the cores from the workers that make progress.
   */
  private void answerAfterPause(Request baseRequest, DirectContext ctx, long start) {
    AsyncContext async = baseRequest.startAsync();
    async.setTimeout(0);
    overloadPause(baseRequest).thenRun(() -> {
      try {
        writeResult(ctx);
      } catch (IOException | RuntimeException gone) {
        // The client left meanwhile: nothing to answer.
      } finally {
        async.complete();
        steps.log(ctx, (System.nanoTime() - start) / 1e6f);
      }
    });
  }

  /** Completes {@link #OVERLOAD_PAUSE} from now on Jetty's scheduler (no thread held meanwhile), for this path and Javalin's alike. */
  static CompletableFuture<Void> overloadPause(HttpServletRequest request) {
    CompletableFuture<Void> paused = new CompletableFuture<>();
    Request.getBaseRequest(request).getHttpChannel().getConnector().getScheduler()
        .schedule(() -> paused.complete(null), OVERLOAD_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    return paused;
  }

  /** Whether a code request was turned away on arrival (every worker busy, the queue full): its 503 waits {@link #OVERLOAD_PAUSE}. */
  static boolean turnedAway(Exception error) {
    return error instanceof ExecutorSaturatedException saturated && !saturated.waited();
  }

  /** {@code version} and {@code call} of a plain model call path, or null for anything else. */
  static Map<String, String> pathParams(String uri) {
    int models = uri.indexOf(MODELS);
    if (models < 2 || uri.charAt(0) != '/' || uri.indexOf('/', 1) != models) {
      return null;
    }
    String version = uri.substring(1, models);
    String call = uri.substring(models + MODELS.length());
    if (!ModelsRoute.API_VERSIONS.contains(version) || call.isEmpty()) {
      return null;
    }
    for (int i = 0; i < call.length(); i++) {
      char c = call.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == ':';
      if (!plain) {
        return null;
      }
    }
    return Map.of("version", version, "call", call);
  }

  /**
   * A body set as the result goes out in one write, through Javalin's own compressing stream (so it is
   * compressed exactly when Javalin would), with its length when it goes out as it is.
   */
  private void writeResult(DirectContext ctx) throws IOException {
    InputStream result = ctx.resultInputStream();
    if (result == null) {
      return;
    }
    byte[] body = result.readAllBytes();
    int minSize = compression.getDefaultMinSizeForCompression();
    if (body.length < minSize) {
      ctx.res().setContentLength(body.length);
    }
    try (OutputStream out = new CompressedOutputStream(minSize, compression, ctx)) {
      out.write(body);
    }
  }
}
