package dev.gememu.server;

import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;
import dev.gememu.journal.Exchange;
import dev.gememu.journal.ModelTurn;
import dev.gememu.journal.Redaction;
import dev.gememu.model.ExecutedCode;
import dev.gememu.model.Reply;
import dev.gememu.model.TurnObserver;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exchange being captured: started before any handler runs, filled in by whoever writes the
 * response (bodies, stream events, errors) and by the model (its reply and the code that ran), and
 * turned into an immutable {@link Exchange} once the response is complete.
 */
final class ExchangeCapture implements TurnObserver {
  private static final String ATTRIBUTE = "gememu.exchange";

  private final Instant start;
  private final long startNanos = System.nanoTime();
  private final StringBuilder body = new StringBuilder();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private volatile String error;
  private volatile ModelCall call;
  private volatile GenerateContentRequest request;
  private volatile Reply reply;
  private volatile List<ExecutedCode> code = List.of();

  private ExchangeCapture(Instant start) {
    this.start = start;
  }

  static void begin(Context ctx, Clock clock) {
    ctx.attribute(ATTRIBUTE, new ExchangeCapture(clock.instant()));
  }

  /** The capture of this request; a detached one when it is not captured (admin paths), so callers need no check. */
  static ExchangeCapture of(Context ctx) {
    ExchangeCapture capture = ctx.attribute(ATTRIBUTE);
    return capture != null ? capture : new ExchangeCapture(Instant.EPOCH);
  }

  static boolean captured(Context ctx) {
    return ctx.attribute(ATTRIBUTE) != null;
  }

  synchronized void body(String text) {
    body.setLength(0);
    body.append(text);
  }

  synchronized void appendBody(String text) {
    body.append(text);
  }

  void event(String framed) {
    events.add(framed);
  }

  void error(String message) {
    error = message;
  }

  /** The request reached the model. */
  void model(ModelCall modelCall, GenerateContentRequest parsed) {
    this.call = modelCall;
    this.request = parsed;
  }

  @Override
  public void answered(Reply decided, List<ExecutedCode> executed) {
    reply = decided;
    code = List.copyOf(executed);
  }

  @Override
  public void failed(Reply decided, RuntimeException failure) {
    reply = decided;
  }

  Exchange finish(Context ctx, Redaction redaction) {
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    String responseBody = events.isEmpty() ? bodyText() : String.join("", events);
    ModelTurn turn = call == null ? null : new ModelTurn(call.model(), call.method().verb(), request,
        reply == null ? null : reply.source(), code, call.ignoredFields());
    String answeredBy = reply != null ? reply.source() : ctx.statusCode() >= 400 ? Exchange.REJECTED : Exchange.GEMEMU;
    return new Exchange(0, start, duration, ctx.method().name(), ctx.path(), redaction.query(ctx.queryString()),
        redaction.headers(requestHeaders(ctx)), redaction.json(requestBody(ctx)), ctx.statusCode(),
        redaction.headers(responseHeaders(ctx)), redaction.json(responseBody), List.copyOf(events), error,
        answeredBy, turn);
  }

  private synchronized String bodyText() {
    return body.toString();
  }

  private static String requestBody(Context ctx) {
    try {
      return new String(RequestBody.bytes(ctx), StandardCharsets.UTF_8);
    } catch (RuntimeException tooLargeOrUnreadable) {
      return "";
    }
  }

  private static Map<String, List<String>> requestHeaders(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, Collections.list(ctx.req().getHeaders(name)));
    }
    return headers;
  }

  private static Map<String, List<String>> responseHeaders(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : ctx.res().getHeaderNames()) {
      headers.put(name, List.copyOf(ctx.res().getHeaders(name)));
    }
    return headers;
  }
}
