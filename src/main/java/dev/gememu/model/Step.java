package dev.gememu.model;

import dev.gememu.executor.Interpreter;

/** One thing the emulated model does in its reply, in order. */
public sealed interface Step {

  /**
   * Text shown to the user. {@code {{output}}} and {@code {{outcome}}} are replaced with the
   * genuine output and outcome of the latest code step before it; {@code {{output.trim}}} is the
   * output without surrounding whitespace, to quote inside a sentence.
   */
  record Text(String template) implements Step {}

  /** A thought summary, sent as a text part with {@code thought: true}. */
  record Thought(String text) implements Step {}

  /**
   * Python the model writes; it is executed for real and its result follows it.
   *
   * @param expectedOutput what the author expects it to print, or null; a difference is drift
   * @param forceDeadline report {@code OUTCOME_DEADLINE_EXCEEDED} without running the code
   * @param interpreter the Python that must run it, or null for the server's {@code --executor}
   */
  record Code(String code, String expectedOutput, boolean forceDeadline, Interpreter interpreter) implements Step {
    public Code(String code, String expectedOutput, boolean forceDeadline) {
      this(code, expectedOutput, forceDeadline, null);
    }

    public static Code of(String code) {
      return new Code(code, null, false);
    }
  }

  /** Inline bytes such as a recorded plot, sent as an {@code inlineData} part. */
  record InlineData(String mimeType, String base64Data) implements Step {}

  /** A call the model asks the client to make, sent as a {@code functionCall} part. */
  record FunctionCall(String name, java.util.Map<String, Object> args) implements Step {}
}
