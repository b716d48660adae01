package dev.gememu.model;

import java.util.List;

/** What the emulated model says for one request: its steps, and who decided them. */
public record Reply(List<Step> steps, String source) {
  public Reply {
    steps = List.copyOf(steps);
  }
}
