package dev.gememu.recording;

import dev.gememu.files.FileStore;
import dev.gememu.files.UploadMirror;
import dev.gememu.fixtures.FixtureStore;
import dev.gememu.model.InputFiles;
import dev.gememu.model.Upstream;
import dev.gememu.model.UpstreamRequest;
import dev.gememu.model.WireAnswer;
import java.nio.file.Path;

/**
 * The upstream in record and auto mode: passes requests on as received (naming the upstream's
 * copies of uploaded files) and records the model's answers as fixtures, in the client's terms.
 */
public final class UpstreamProxy implements Upstream {
  private final UpstreamClient client;
  private final UpstreamFiles files;
  private final Recorder recorder;

  public UpstreamProxy(RecordingSettings settings, Path directory, FixtureWriter writer, FixtureStore fixtures,
      FileStore files) {
    this.client = new UpstreamClient(settings.upstream(), settings.upstreamKey(), settings.upstreamTimeout());
    this.files = new UpstreamFiles(client, files);
    this.recorder = new Recorder(directory, writer, fixtures, settings.testHeader(), settings.upstream().toString(),
        new InputFiles(files));
  }

  /** Where uploads made through gememu are also made. */
  public UploadMirror uploads() {
    return files;
  }

  @Override
  public WireAnswer forward(UpstreamRequest request) {
    return new LiveAnswer(client, files.toUpstream(request), wire -> recorder.record(request, wire));
  }

  @Override
  public String describe() {
    return "upstream " + client.describe();
  }
}
