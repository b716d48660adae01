package dev.gememu.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gememu.api.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads request bodies into wire records, rejecting unknown fields the way Google does, or, when
 * lenient, accepting them with a log line.
 */
final class BodyReader {
  private static final Logger LOG = LoggerFactory.getLogger(BodyReader.class);
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private final ObjectMapper mapper;
  private final boolean lenient;
  // One reader per request type: making it per request showed up in the playback profile.
  private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

  BodyReader(ObjectMapper mapper, boolean lenient) {
    this.mapper = mapper;
    this.lenient = lenient;
  }

  <T> T read(Context ctx, Class<T> type) throws IOException {
    byte[] body = RequestBody.bytes(ctx);
    UnknownFields unknown = new UnknownFields();
    T value;
    try (JsonParser parser = mapper.createParser(body.length == 0 ? EMPTY_OBJECT : body)) {
      try {
        value = readers.computeIfAbsent(type, mapper::readerFor).withAttribute(UnknownFields.ATTRIBUTE, unknown)
            .readValue(parser);
      } catch (JsonProcessingException malformed) {
        // Mapped while the parser is open: the message quotes the token it stopped at.
        throw ErrorMapper.toApiException(malformed);
      }
    }
    if (value == null) {
      value = mapper.readerFor(type).readValue(EMPTY_OBJECT);
    }
    ApiException rejection = unknown.toApiException();
    if (rejection != null) {
      if (!lenient) {
        throw rejection;
      }
      LOG.warn("Accepted unknown fields (--lenient) in {} {}: {}", ctx.method(), ctx.path(),
          rejection.getMessage().replace('\n', ' '));
      ctx.attribute(ATTRIBUTE_IGNORED_FIELDS, unknown.violations().stream().map(UnknownFields.Violation::path).toList());
    }
    return value;
  }

  /** The unknown fields a lenient read of this request's body accepted, as proto paths. */
  static List<String> ignoredFields(Context ctx) {
    List<String> fields = ctx.attribute(ATTRIBUTE_IGNORED_FIELDS);
    return fields == null ? List.of() : fields;
  }

  private static final String ATTRIBUTE_IGNORED_FIELDS = "gememu.ignoredFields";
}
