package dev.gememu.model;

import dev.gememu.api.ApiException;
import java.util.List;

/**
 * What the emulated model answers one request with, and who decided it ({@link #source()}, e.g. a
 * fixture's name and file): steps to run, an answer to send as recorded, or an API error.
 */
public sealed interface Reply {

  /** Who decided the reply, e.g. {@code fixture primes (fixtures/primes.yaml)} or {@code inline code}. */
  String source();

  /** Steps gememu runs and turns into Google's response: text, thoughts, real code execution, inline data. */
  record Scripted(List<Step> steps, String source) implements Reply {
    public Scripted {
      steps = List.copyOf(steps);
    }
  }

  /** An answer sent exactly as a server once sent it (a recording, or the upstream being recorded now). */
  record Verbatim(WireAnswer answer, String source) implements Reply {}

  /** An API error, raised before any byte of the response is sent. */
  record Failure(ApiException error, String source) implements Reply {}
}
