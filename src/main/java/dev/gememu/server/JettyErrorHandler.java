package dev.gememu.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gememu.api.ApiException;
import dev.gememu.api.ErrorEnvelope;
import dev.gememu.api.Status;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Answers the errors Jetty raises before any route runs (bad request lines, oversized headers,
 * unsupported versions) with Google's JSON envelope instead of Jetty's HTML page.
 */
final class JettyErrorHandler extends ErrorHandler {
  private final ObjectWriter writer;

  JettyErrorHandler(ObjectWriter writer) {
    this.writer = writer;
  }

  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    byte[] body = envelope(code, message);
    response.setContentType(Responses.JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    baseRequest.setHandled(true);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Responses.JSON);
    return ByteBuffer.wrap(envelope(status, reason));
  }

  /** The envelope's {@code code} is the status Jetty sends (e.g. 431), whatever Google status it maps to. */
  private byte[] envelope(int code, String reason) {
    ApiException error = forHttpCode(code, reason);
    ErrorEnvelope envelope = new ErrorEnvelope(new ErrorEnvelope.Error(code, error.getMessage(), error.status().name(),
        error.details()));
    try {
      return (writer.writeValueAsString(envelope) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static ApiException forHttpCode(int code, String reason) {
    String detail = reason == null || reason.isBlank() ? HttpStatus.getMessage(code) : reason;
    if (code == 413) {
      return RequestBody.tooLarge();
    }
    if (code == 404 || code == 405) {
      return new ApiException(Status.NOT_FOUND, "The requested URL was not found on this server (" + detail + ").");
    }
    if (code >= 500) {
      return ApiException.internal();
    }
    return ApiException.invalidArgument("Request contains an invalid argument. (" + detail + ")");
  }
}
