package dev.gememu.server;

import io.javalin.config.Key;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.json.JsonMapper;
import io.javalin.plugin.ContextPlugin;
import io.javalin.security.RouteRole;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A Javalin {@link Context} over a request that Jetty hands to {@link ModelCallHandler} directly,
 * without Javalin's routing: the model routes read and write through it exactly as under Javalin
 * (headers, attributes and status go to the servlet request and response, as Javalin's defaults do).
 * What the model routes never use is unsupported.
 */
final class DirectContext implements Context {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final Map<String, String> pathParams;
  private InputStream result;

  DirectContext(HttpServletRequest request, HttpServletResponse response, Map<String, String> pathParams) {
    this.request = request;
    this.response = response;
    this.pathParams = pathParams;
  }

  @Override
  public HttpServletRequest req() {
    return request;
  }

  @Override
  public HttpServletResponse res() {
    return response;
  }

  @Override
  public String pathParam(String key) {
    String value = pathParams.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no path parameter " + key);
    }
    return value;
  }

  @Override
  public Map<String, String> pathParamMap() {
    return pathParams;
  }

  @Override
  public Context result(InputStream body) {
    result = body;
    return this;
  }

  @Override
  public InputStream resultInputStream() {
    return result;
  }

  @Override
  public ServletOutputStream outputStream() {
    try {
      return response.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public HandlerType handlerType() {
    return HandlerType.POST;
  }

  @Override
  public String matchedPath() {
    return ModelCallHandler.PATH;
  }

  @Override
  public String endpointHandlerPath() {
    return ModelCallHandler.PATH;
  }

  @Override
  public boolean strictContentTypes() {
    return false;
  }

  @Override
  public Set<RouteRole> routeRoles() {
    return Set.of();
  }

  @Override
  public Context minSizeForCompression(int size) {
    throw unsupported();
  }

  @Override
  public <T> T appData(Key<T> key) {
    throw unsupported();
  }

  @Override
  public JsonMapper jsonMapper() {
    throw unsupported();
  }

  @Override
  public <T> T with(Class<? extends ContextPlugin<?, T>> plugin) {
    throw unsupported();
  }

  @Override
  public void future(Supplier<? extends CompletableFuture<?>> future) {
    throw unsupported();
  }

  @Override
  public void redirect(String location, HttpStatus status) {
    throw unsupported();
  }

  @Override
  public void writeJsonStream(Stream<?> stream) {
    throw unsupported();
  }

  @Override
  public Context skipRemainingHandlers() {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("not used by the model routes");
  }
}
