package dev.gememu.model;

import java.util.function.Supplier;

/** A responder's answer: a reply, or why it has none for this request. */
public sealed interface Lookup {

  record Found(Reply reply) implements Lookup {}

  /**
   * @param explanation one or more lines telling the user why nothing matched and what would; made
   *     only when no responder has a reply (describing every fixture's miss is costly, and a later
   *     responder usually answers)
   */
  record Missing(Supplier<String> explanation) implements Lookup {}
}
