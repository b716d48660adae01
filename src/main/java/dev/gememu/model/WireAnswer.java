package dev.gememu.model;

import dev.gememu.api.Framing;

/** An answer as a server sent it on the wire: status, headers and body or events, to be sent on unchanged. */
public interface WireAnswer {

  /**
   * Sends the answer through the sink in the framing the client asked for: as it was sent when the
   * framing is the same, otherwise assembled from or split into events the way Google does it.
   */
  void send(Framing asked, WireSink sink);
}
