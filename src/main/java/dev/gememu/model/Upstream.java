package dev.gememu.model;

/** The real API behind gememu in record mode: every request is passed on and its answer relayed (and recorded). */
public interface Upstream {

  /** The answer to the request, relayed to the client as it arrives when sent. */
  WireAnswer forward(UpstreamRequest request);

  /** Names the upstream for replies' sources, e.g. {@code upstream https://generativelanguage.googleapis.com}. */
  String describe();
}
