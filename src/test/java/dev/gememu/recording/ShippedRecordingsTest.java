package dev.gememu.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.api.Framing;
import dev.gememu.fixtures.Fixture;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.WireRecording;
import dev.gememu.model.WireSink;
import dev.gememu.testing.FakeGoogle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recordings under src/test/resources/recordings (also what make bench serves) read back as the bytes recorded. */
class ShippedRecordingsTest {
  private static final Path DIR = Path.of("src/test/resources/recordings");

  @Test
  void aRecordedBodyIsServedExactlyAsTheUpstreamSentIt() {
    WireRecording wire = wire("sum-0-to-9");

    assertThat(String.join("", sent(wire, Framing.JSON))).isEqualTo(FakeGoogle.GENERATE);
  }

  @Test
  void aRecordedStreamIsServedEventByEventAndCanBeAskedForWhole() {
    WireRecording wire = wire("power-of-two");

    List<String> events = sent(wire, Framing.SSE);
    assertThat(events).hasSize(FakeGoogle.GEMINI3_EVENTS.size());
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i)).isEqualTo("data: " + FakeGoogle.GEMINI3_EVENTS.get(i) + "\r\n\r\n");
    }
    List<String> array = sent(wire, Framing.JSON_ARRAY);
    assertThat(array.get(0)).startsWith("[{");
    assertThat(array.get(array.size() - 1)).isEqualTo("]");
    assertThat(String.join("", sent(wire, Framing.JSON))).startsWith("{\n  \"candidates\": [").endsWith("}\n")
        .contains("\"finishReason\": \"STOP\",\n      \"index\": 0")
        .contains("\"text\": \" that: 2 to the 10th is 1024.\",\n            \"thoughtSignature\": \"c2lnbmF0dXJlLTI=\"");
  }

  private static WireRecording wire(String name) {
    Fixture fixture = new FixtureLoader().read(DIR.resolve(name + ".yaml"), name, name);
    assertThat(fixture.answers()).hasSize(1);
    return fixture.answers().get(0).wire();
  }

  private static List<String> sent(WireRecording wire, Framing framing) {
    List<String> chunks = new ArrayList<>();
    new RecordedAnswer(wire).send(framing, new WireSink() {
      @Override
      public void start(int status, Map<String, String> headers) {
        assertThat(status).isEqualTo(200);
      }

      @Override
      public void write(String chunk) {
        chunks.add(chunk);
      }
    });
    return chunks;
  }
}
