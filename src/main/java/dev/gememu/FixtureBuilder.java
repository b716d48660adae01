package dev.gememu;

import dev.gememu.api.Status;
import dev.gememu.fixtures.Answer;
import dev.gememu.fixtures.Fault;
import dev.gememu.fixtures.Fixture;
import dev.gememu.fixtures.Match;
import dev.gememu.fixtures.ReplyStep;
import dev.gememu.fixtures.TextRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture written in Java, with the powers of a fixture file: match rules, then the steps of the
 * reply (text, thought, code that really runs, images, inline data) or an error, and with
 * {@link #then()} the next answer of a sequence.
 *
 * <pre>{@code
 * gememu.fixture(FixtureBuilder.named("sum")
 *     .lastUserTextContains("sum of the first 50 primes")
 *     .text("I will compute it.")
 *     .code("print(sum(p for p in range(2, 230) if all(p % d for d in range(2, p)))")
 *     .text("The sum is {{output.trim}}."));
 * }</pre>
 */
public final class FixtureBuilder {
  private final String name;
  private String model;
  private TextRule lastUserText;
  private TextRule anyTurn;
  private Integer turns;
  private Boolean codeExecution;
  private TextRule systemInstruction;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private int priority;
  private final List<Answer> answers = new ArrayList<>();
  private List<ReplyStep> steps = new ArrayList<>();
  private Fault fault;
  private String delay;

  private FixtureBuilder(String name) {
    this.name = name;
  }

  /** A fixture with this name (letters, digits, {@code . _ - /}); reports and the journal use it. */
  public static FixtureBuilder named(String name) {
    return new FixtureBuilder(name);
  }

  /** A fixture that gememu names. */
  public static FixtureBuilder unnamed() {
    return new FixtureBuilder(null);
  }

  /** Model id, exact or a glob with {@code *} and {@code ?}. */
  public FixtureBuilder model(String modelOrGlob) {
    this.model = modelOrGlob;
    return this;
  }

  /** The last user turn's text equals this (both sides trimmed). */
  public FixtureBuilder lastUserText(String text) {
    this.lastUserText = TextRule.equalTo(text);
    return this;
  }

  public FixtureBuilder lastUserTextContains(String text) {
    this.lastUserText = TextRule.containing(text);
    return this;
  }

  /** The last user turn's text has a match of this regex (anchor it with {@code ^…$}). */
  public FixtureBuilder lastUserTextMatches(String regex) {
    this.lastUserText = TextRule.matching(regex);
    return this;
  }

  /** Some earlier turn (its text, code or code output) contains this. */
  public FixtureBuilder anyTurnContains(String text) {
    this.anyTurn = TextRule.containing(text);
    return this;
  }

  /** The request has exactly this many entries in {@code contents}. */
  public FixtureBuilder turns(int count) {
    this.turns = count;
    return this;
  }

  /** The code execution tool must be enabled (true) or absent (false). */
  public FixtureBuilder codeExecution(boolean enabled) {
    this.codeExecution = enabled;
    return this;
  }

  public FixtureBuilder systemInstructionContains(String text) {
    this.systemInstruction = TextRule.containing(text);
    return this;
  }

  /** The request carries this header with exactly this value. */
  public FixtureBuilder header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Higher wins when several fixtures match; default 0. */
  public FixtureBuilder priority(int value) {
    this.priority = value;
    return this;
  }

  /** Text for the user; {@code {{output}}}, {@code {{output.trim}}} and {@code {{outcome}}} quote the code before it. */
  public FixtureBuilder text(String text) {
    steps.add(ReplyStep.text(text));
    return this;
  }

  public FixtureBuilder thought(String text) {
    steps.add(new ReplyStep(null, text, null, null, null, null, null));
    return this;
  }

  /** Python the model writes; gememu really runs it and sends its genuine result. */
  public FixtureBuilder code(String python) {
    steps.add(ReplyStep.code(python, null));
    return this;
  }

  /** Python with the output its author expects: a difference is reported as drift. */
  public FixtureBuilder code(String python, String expectedOutput) {
    steps.add(ReplyStep.code(python, expectedOutput));
    return this;
  }

  /** Python reported as {@code OUTCOME_DEADLINE_EXCEEDED} at once, without running. */
  public FixtureBuilder codeExceedingDeadline(String python) {
    steps.add(new ReplyStep(null, null, python, null, true, null, null));
    return this;
  }

  public FixtureBuilder image(byte[] png) {
    steps.add(new ReplyStep(null, null, null, null, null, null, Base64.getEncoder().encodeToString(png)));
    return this;
  }

  public FixtureBuilder inlineData(String mimeType, byte[] data) {
    steps.add(new ReplyStep(null, null, null, null, null,
        new ReplyStep.InlineData(mimeType, Base64.getEncoder().encodeToString(data)), null));
    return this;
  }

  /** Answer with this HTTP error, with Google's message and details for the status. */
  public FixtureBuilder fault(Status status) {
    this.fault = Fault.of(status);
    return this;
  }

  public FixtureBuilder fault(Status status, String message) {
    this.fault = new Fault(status, message, null, null);
    return this;
  }

  /** Wait this long before answering. */
  public FixtureBuilder delay(Duration duration) {
    this.delay = duration.toMillis() + "ms";
    return this;
  }

  /** Ends this answer: the next call gets the next one; calls past the last get the last again. */
  public FixtureBuilder then() {
    answers.add(currentAnswer());
    steps = new ArrayList<>();
    fault = null;
    delay = null;
    return this;
  }

  private Answer currentAnswer() {
    return new Answer(delay, fault, fault != null ? null : List.copyOf(steps));
  }

  /**
   * The fixture, validated as a fixture file would be.
   *
   * @throws IllegalArgumentException naming what is wrong, e.g. an answer with neither steps nor an error
   */
  public Fixture build() {
    Match match = new Match(model, lastUserText, anyTurn, turns, codeExecution, systemInstruction, headers, priority);
    List<Answer> all = new ArrayList<>(answers);
    all.add(currentAnswer());
    if (all.size() == 1) {
      Answer only = all.get(0);
      return new Fixture(name, null, match, only.delay(), only.error(), only.reply(), null);
    }
    return new Fixture(name, null, match, null, null, null, all);
  }
}
