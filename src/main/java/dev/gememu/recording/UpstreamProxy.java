package dev.gememu.recording;

import dev.gememu.fixtures.FixtureStore;
import dev.gememu.model.Upstream;
import dev.gememu.model.UpstreamRequest;
import dev.gememu.model.WireAnswer;
import java.nio.file.Path;

/** The upstream in record mode: passes requests on as received and records the model's answers as fixtures. */
public final class UpstreamProxy implements Upstream {
  private final UpstreamClient client;
  private final Recorder recorder;

  public UpstreamProxy(RecordingSettings settings, Path directory, FixtureWriter writer, FixtureStore fixtures) {
    this.client = new UpstreamClient(settings.upstream(), settings.upstreamKey(), settings.upstreamTimeout());
    this.recorder = new Recorder(directory, writer, fixtures, settings.testHeader(), settings.upstream().toString());
  }

  @Override
  public WireAnswer forward(UpstreamRequest request) {
    return new LiveAnswer(client, request, wire -> recorder.record(request, wire));
  }

  @Override
  public String describe() {
    return "upstream " + client.describe();
  }
}
