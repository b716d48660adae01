package dev.gememu.model;

import dev.gememu.api.Part;
import java.util.ArrayList;
import java.util.List;

/** Splits text parts into the word-boundary chunks a streaming model sends; other parts stay whole. */
final class StreamChunker {
  /** Gemini's stream chunks are a few dozen characters; the exact size is not part of the contract. */
  static final int TARGET_CHUNK_CHARS = 40;

  private StreamChunker() {}

  static List<Part> chunks(Part part) {
    if (part.text() == null || part.text().length() <= TARGET_CHUNK_CHARS) {
      return List.of(part);
    }
    List<Part> chunks = new ArrayList<>();
    String text = part.text();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + TARGET_CHUNK_CHARS);
      if (end < text.length()) {
        int space = text.lastIndexOf(' ', end - 1);
        end = space > start ? space + 1 : end;
      }
      chunks.add(withText(part, text.substring(start, end)));
      start = end;
    }
    if (part.thoughtSignature() != null) {
      int last = chunks.size() - 1;
      chunks.set(last, chunks.get(last).withThoughtSignature(part.thoughtSignature()));
    }
    return chunks;
  }

  static Part withText(Part part, String text) {
    Part chunk = Part.text(text);
    if (Boolean.TRUE.equals(part.thought())) {
      chunk = chunk.asThought();
    }
    return chunk;
  }
}
