package dev.gememu.model;

import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;
import java.util.List;

/** Told how each call to the model went, e.g. to keep a request journal. */
public interface TurnListener {
  TurnListener NONE = (call, request) -> Observation.NONE;

  /** A call has reached the model; the observation hears how it ends. */
  Observation begin(ModelCall call, GenerateContentRequest request);

  /** How one call ends: exactly one of its methods is called, once. */
  interface Observation {
    Observation NONE = new Observation() {
      @Override
      public void answered(Reply reply, List<ExecutedCode> executed) {}

      @Override
      public void failed(Reply reply, RuntimeException error) {}
    };

    void answered(Reply reply, List<ExecutedCode> executed);

    /** @param reply the reply decided before the failure, or null when none was */
    void failed(Reply reply, RuntimeException error);
  }
}
