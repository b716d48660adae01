package dev.gememu.model;

import dev.gememu.api.ApiException;
import java.util.List;

/**
 * What the emulated model says for one request: its steps, and who decided them; or, when
 * {@code error} is set, the API error it answers with instead (raised before anything is sent).
 */
public record Reply(List<Step> steps, String source, ApiException error) {
  public Reply {
    steps = List.copyOf(steps);
  }

  public Reply(List<Step> steps, String source) {
    this(steps, source, null);
  }

  public static Reply failing(ApiException error, String source) {
    return new Reply(List.of(), source, error);
  }
}
