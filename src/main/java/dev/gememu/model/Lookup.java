package dev.gememu.model;

/** A responder's answer: a reply, or why it has none for this request. */
public sealed interface Lookup {

  record Found(Reply reply) implements Lookup {}

  /** @param explanation one or more lines telling the user why nothing matched and what would */
  record Missing(String explanation) implements Lookup {}
}
