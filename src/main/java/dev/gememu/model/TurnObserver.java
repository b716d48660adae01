package dev.gememu.model;

import java.util.List;

/** Hears how one call to the model ends, e.g. to capture it: exactly one of its methods is called, once. */
public interface TurnObserver {
  TurnObserver NONE = new TurnObserver() {
    @Override
    public void answered(Reply reply, List<ExecutedCode> executed) {}

    @Override
    public void failed(Reply reply, RuntimeException error) {}
  };

  void answered(Reply reply, List<ExecutedCode> executed);

  /** @param reply the reply decided before the failure, or null when none was */
  void failed(Reply reply, RuntimeException error);
}
