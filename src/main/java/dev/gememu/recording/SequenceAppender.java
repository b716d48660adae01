package dev.gememu.recording;

import java.util.regex.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Adds an answer to a fixture file's {@code sequence} by editing its text, so that everything the
 * user wrote (comments, layout, loosened rules) stays as it was: the new answer goes after the last
 * entry of {@code sequence}; a file with a single answer has that answer's top-level keys
 * ({@code delay}, {@code error}, {@code reply}, {@code wire}) moved, indented, into a new
 * {@code sequence} as its first entry. Empty when the file is not laid out in a way this can edit.
 */
final class SequenceAppender {
  private static final Set<String> ANSWER_KEYS = Set.of("delay", "error", "reply", "wire");
  private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*:.*");

  private SequenceAppender() {}

  /**
   * @param text the fixture file as it is
   * @param entry the new answer as a YAML sequence entry at column 0 ({@code - wire: …})
   */
  static Optional<String> append(String text, String entry) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the text ended with a newline
    }
    List<int[]> answerBlocks = new ArrayList<>();
    int[] sequence = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher key = TOP_LEVEL_KEY.matcher(lines.get(i));
      if (!key.matches()) {
        continue;
      }
      int end = blockEnd(lines, i);
      if (key.group(1).equals("sequence")) {
        sequence = new int[] {i, end};
      } else if (ANSWER_KEYS.contains(key.group(1))) {
        answerBlocks.add(new int[] {i, end});
      }
    }
    if (sequence != null && answerBlocks.isEmpty()) {
      String indent = entryIndent(lines, sequence);
      lines.addAll(sequence[1], indented(entry, indent));
      return Optional.of(String.join("\n", lines) + "\n");
    }
    if (sequence != null || answerBlocks.isEmpty()) {
      return Optional.empty();
    }
    List<String> first = new ArrayList<>();
    for (int b = answerBlocks.size() - 1; b >= 0; b--) {
      int[] block = answerBlocks.get(b);
      List<String> moved = new ArrayList<>(lines.subList(block[0], block[1]));
      lines.subList(block[0], block[1]).clear();
      first.addAll(0, moved);
    }
    while (!first.isEmpty() && first.get(first.size() - 1).isBlank()) {
      first.remove(first.size() - 1);
    }
    List<String> result = new ArrayList<>(lines);
    result.add("sequence:");
    for (int i = 0; i < first.size(); i++) {
      result.add((i == 0 ? "- " : "  ") + first.get(i));
    }
    result.addAll(indented(entry, ""));
    return Optional.of(String.join("\n", result) + "\n");
  }

  /**
   * The line after a top-level key's block: its value continues on indented lines, on list entries
   * at column 0 and on blank lines, and on comments at column 0 that such a line follows.
   */
  private static int blockEnd(List<String> lines, int keyLine) {
    int end = keyLine + 1;
    for (int i = keyLine + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(" ") || line.startsWith("-") || line.startsWith("\t")) {
        end = i + 1;
      } else if (!line.isBlank() && !line.startsWith("#")) {
        break;
      }
    }
    return end;
  }

  /** How the sequence's entries are indented: as its first {@code -} line. */
  private static String entryIndent(List<String> lines, int[] block) {
    for (int i = block[0] + 1; i < block[1]; i++) {
      String stripped = lines.get(i).stripLeading();
      if (stripped.startsWith("-")) {
        return lines.get(i).substring(0, lines.get(i).length() - stripped.length());
      }
    }
    return "";
  }

  private static List<String> indented(String entry, String indent) {
    List<String> lines = new ArrayList<>();
    for (String line : entry.split("\n")) {
      lines.add(line.isEmpty() ? line : indent + line);
    }
    return lines;
  }
}
