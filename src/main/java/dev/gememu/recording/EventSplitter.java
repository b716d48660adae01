package dev.gememu.recording;

import dev.gememu.api.Framing;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a stream body, as its bytes arrive, into events at the boundaries the sender made: after a
 * blank line for SSE; after each top-level element of a JSON array (the chunk carries the
 * {@code [} or separator before it; the closing {@code ]} is a chunk of its own).
 */
final class EventSplitter {
  private final Framing framing;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private int depth;
  private boolean inString;
  private boolean escaped;
  private byte last;
  private byte beforeLast;
  private byte thirdLast;

  EventSplitter(Framing framing) {
    this.framing = framing;
  }

  /** The events completed by these bytes. */
  List<String> feed(byte[] bytes, int length) {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      pending.write(b);
      if (framing == Framing.SSE ? endsSseEvent(b) : endsArrayElement(b)) {
        events.add(flush());
      }
      thirdLast = beforeLast;
      beforeLast = last;
      last = b;
    }
    return events;
  }

  /** What is left once the stream ends (e.g. the closing bracket), or null. */
  String finish() {
    return pending.size() == 0 ? null : flush();
  }

  private boolean endsSseEvent(byte b) {
    return (b == '\n' && last == '\n') || (b == '\n' && last == '\r' && beforeLast == '\n' && thirdLast == '\r')
        || (b == '\r' && last == '\r');
  }

  private boolean endsArrayElement(byte b) {
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
      }
      return false;
    }
    if (b == '"') {
      inString = true;
    } else if (b == '{') {
      depth++;
    } else if (b == '}') {
      depth--;
      return depth == 0;
    }
    return false;
  }

  private String flush() {
    String event = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    return event;
  }
}
