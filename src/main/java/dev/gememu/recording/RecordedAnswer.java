package dev.gememu.recording;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.api.Framing;
import dev.gememu.fixtures.WireRecording;
import dev.gememu.model.WireAnswer;
import dev.gememu.model.WireSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded wire answer played back: byte for byte when the client asks in the framing it was
 * recorded in; otherwise assembled from, or split into, events the way Google does it.
 */
public final class RecordedAnswer implements WireAnswer {
  private final WireRecording wire;

  public RecordedAnswer(WireRecording wire) {
    this.wire = wire;
  }

  @Override
  public void send(Framing asked, WireSink sink) {
    if (asked == wire.framing()) {
      sink.start(wire.status(), wire.headers());
      if (asked.streams()) {
        wire.events().forEach(sink::write);
      } else {
        sink.write(wire.body());
      }
      return;
    }
    List<JsonNode> values = WireForms.values(wire.framing(), wire.body(), wire.events());
    sink.start(wire.status(), headers(asked));
    if (wire.status() != 200) {
      JsonNode error = values.isEmpty() ? WireForms.read("{}") : values.get(0);
      List<String> body = asked == Framing.JSON_ARRAY ? List.of(WireForms.pretty(
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(error)))
          : List.of(WireForms.pretty(error));
      body.forEach(sink::write);
    } else if (asked == Framing.JSON) {
      sink.write(WireForms.pretty(WireForms.assemble(values)));
    } else {
      List<JsonNode> events = wire.framing().streams() ? values : WireForms.split(values.get(0));
      if (asked == Framing.SSE) {
        events.forEach(event -> sink.write(WireForms.sseEvent(event)));
      } else {
        WireForms.arrayChunks(events).forEach(sink::write);
      }
    }
  }

  private Map<String, String> headers(Framing asked) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (asked == Framing.SSE && wire.status() == 200) {
      headers.put("Content-Type", "text/event-stream");
      headers.put("Content-Disposition", "attachment");
    } else {
      headers.put("Content-Type", "application/json; charset=UTF-8");
    }
    return headers;
  }
}
