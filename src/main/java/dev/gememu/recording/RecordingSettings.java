package dev.gememu.recording;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How gememu records and replays real traffic.
 *
 * @param mode playback (default), record or auto
 * @param upstream the real API's base URL
 * @param recordDir where recordings are written; null means the first fixture directory
 * @param reexecute run recorded code again on playback for every fixture, as {@code execute: true} does for one
 * @param testHeader the request header whose value names a recording after the test that made it
 * @param upstreamKey the key sent upstream instead of the client's, or null; never written anywhere
 * @param upstreamTimeout how long to wait for the upstream's status line
 */
public record RecordingSettings(Mode mode, URI upstream, Path recordDir, boolean reexecute, String testHeader,
    String upstreamKey, Duration upstreamTimeout) {
  public static final URI GOOGLE = URI.create("https://generativelanguage.googleapis.com");
  public static final String TEST_HEADER = "x-gememu-test";

  public RecordingSettings {
    if (mode == null) {
      throw new IllegalArgumentException("mode must be playback, record or auto");
    }
    if (upstream == null || upstream.getScheme() == null || !List.of("http", "https").contains(upstream.getScheme())) {
      throw new IllegalArgumentException("upstream must be an http or https URL, was " + upstream);
    }
    if (testHeader == null || testHeader.isBlank()) {
      throw new IllegalArgumentException("testHeader must name a header");
    }
    if (upstreamTimeout == null || upstreamTimeout.isNegative() || upstreamTimeout.isZero()) {
      throw new IllegalArgumentException("upstreamTimeout must be positive, was " + upstreamTimeout);
    }
    upstreamKey = upstreamKey == null || upstreamKey.isBlank() ? null : upstreamKey;
  }

  public static RecordingSettings defaults() {
    return new RecordingSettings(Mode.PLAYBACK, GOOGLE, null, false, TEST_HEADER, null, Duration.ofMinutes(5));
  }

  public RecordingSettings withMode(Mode newMode) {
    return new RecordingSettings(newMode, upstream, recordDir, reexecute, testHeader, upstreamKey, upstreamTimeout);
  }

  public RecordingSettings withUpstream(URI newUpstream) {
    return new RecordingSettings(mode, newUpstream, recordDir, reexecute, testHeader, upstreamKey, upstreamTimeout);
  }

  public RecordingSettings withRecordDir(Path newDir) {
    return new RecordingSettings(mode, upstream, newDir, reexecute, testHeader, upstreamKey, upstreamTimeout);
  }

  public RecordingSettings withReexecute(boolean newReexecute) {
    return new RecordingSettings(mode, upstream, recordDir, newReexecute, testHeader, upstreamKey, upstreamTimeout);
  }

  public RecordingSettings withUpstreamKey(String newKey) {
    return new RecordingSettings(mode, upstream, recordDir, reexecute, testHeader, newKey, upstreamTimeout);
  }

  public RecordingSettings withUpstreamTimeout(Duration newTimeout) {
    return new RecordingSettings(mode, upstream, recordDir, reexecute, testHeader, upstreamKey, newTimeout);
  }

  /** The directory recordings go to: {@code recordDir}, else the first fixture directory, else null. */
  public Path directory(List<Path> fixtureDirs) {
    return recordDir != null ? recordDir : fixtureDirs.isEmpty() ? null : fixtureDirs.get(0);
  }

  @Override
  public String toString() {
    return "RecordingSettings[mode=" + mode + ", upstream=" + upstream + ", recordDir=" + recordDir + ", reexecute="
        + reexecute + ", testHeader=" + testHeader + ", upstreamKey=" + (upstreamKey == null ? "none" : "(set)")
        + ", upstreamTimeout=" + upstreamTimeout + "]";
  }
}
