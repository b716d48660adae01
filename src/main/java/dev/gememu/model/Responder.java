package dev.gememu.model;

import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;

/** Decides what the emulated model says. May throw {@code ApiException} to answer with an error. */
public interface Responder {
  Lookup respond(ModelCall call, GenerateContentRequest request);
}
