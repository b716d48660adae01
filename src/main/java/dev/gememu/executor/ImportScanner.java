package dev.gememu.executor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level modules a snippet imports, read from its tokens rather than its text: strings and
 * comments are skipped, and so an {@code import numpy} inside a docstring or a comment does not
 * count. It reads {@code import a.b as c, d}, {@code from a.b import c} (not relative imports), and
 * the dynamic {@code __import__('a')} and {@code importlib.import_module('a')} with a literal name.
 */
final class ImportScanner {
  private static final Pattern DYNAMIC = Pattern.compile("(?:__import__|import_module)\\(\\s*$");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ImportScanner() {}

  static Set<String> topLevelModules(String code) {
    Set<String> modules = new LinkedHashSet<>();
    List<String> statement = new ArrayList<>();
    StringBuilder previous = new StringBuilder();
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '#') {
        while (i < code.length() && code.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '\\' && i + 1 < code.length() && code.charAt(i + 1) == '\n') {
        i += 2;
      } else if (c == '\n' || c == ';' || c == ':') {
        readStatement(statement, modules);
        statement.clear();
        i++;
      } else if (c == '\'' || c == '"') {
        int end = endOfString(code, i);
        if (DYNAMIC.matcher(previous).find()) {
          addModule(code.substring(i + 1, Math.max(i + 1, end - 1)), modules);
        }
        statement.add("\0string");
        previous.setLength(0);
        i = end;
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i;
        while (end < code.length() && (Character.isJavaIdentifierPart(code.charAt(end)) || code.charAt(end) == '.')) {
          end++;
        }
        String word = code.substring(i, end);
        if (end < code.length() && isStringPrefix(word) && (code.charAt(end) == '\'' || code.charAt(end) == '"')) {
          i = end;
          continue;
        }
        statement.add(word);
        previous.append(word);
        i = end;
      } else {
        if (!Character.isWhitespace(c) || c == '\n') {
          if (c != ',') {
            statement.add(String.valueOf(c));
          } else {
            statement.add(",");
          }
        }
        previous.append(c);
        if (previous.length() > 40) {
          previous.delete(0, previous.length() - 40);
        }
        i++;
      }
    }
    readStatement(statement, modules);
    return modules;
  }

  /** {@code import a.b as c, d} or {@code from a.b import c}, as the first words of a statement. */
  private static void readStatement(List<String> tokens, Set<String> modules) {
    if (tokens.isEmpty()) {
      return;
    }
    if (tokens.get(0).equals("import")) {
      boolean expectName = true;
      for (String token : tokens.subList(1, tokens.size())) {
        if (expectName && NAME.matcher(token.split("\\.")[0]).matches()) {
          addModule(token, modules);
          expectName = false;
        } else if (token.equals(",")) {
          expectName = true;
        }
      }
    } else if (tokens.get(0).equals("from") && tokens.size() > 1 && !tokens.get(1).equals(".")) {
      addModule(tokens.get(1), modules);
    }
  }

  private static void addModule(String dotted, Set<String> modules) {
    String top = dotted.split("\\.")[0].strip();
    Matcher name = NAME.matcher(top);
    if (name.matches()) {
      modules.add(top);
    }
  }

  private static boolean isStringPrefix(String word) {
    return word.length() <= 2 && word.toLowerCase(java.util.Locale.ROOT).matches("[rbuf]{1,2}");
  }

  /** The index just past the string literal starting at {@code start}, triple quotes included. */
  private static int endOfString(String code, int start) {
    char quote = code.charAt(start);
    boolean triple = code.startsWith(String.valueOf(quote).repeat(3), start);
    String closing = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
    int i = start + closing.length();
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (code.startsWith(closing, i)) {
        return i + closing.length();
      } else if (c == '\n' && !triple) {
        return i;
      } else {
        i++;
      }
    }
    return code.length();
  }
}
