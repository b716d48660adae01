package dev.gememu;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A query over the calls a gememu (or one test's scope of it) has answered: narrow it with the
 * filters, then {@link #count()}, {@link #list()}, {@link #single()} or {@link #await(int, Duration)}.
 * Immutable: each filter returns a new query.
 */
public final class Requests {
  private final CallLog log;
  private final Predicate<CallLog.Entry> filter;

  Requests(CallLog log, Scope scope) {
    this(log, entry -> scope.contains(entry.scope()));
  }

  private Requests(CallLog log, Predicate<CallLog.Entry> filter) {
    this.log = log;
    this.filter = filter;
  }

  /** Calls that satisfy {@code condition} as well. */
  public Requests where(Predicate<RecordedCall> condition) {
    return new Requests(log, filter.and(entry -> condition.test(entry.call())));
  }

  /** Calls to this model id, e.g. {@code gemini-2.5-flash}. */
  public Requests model(String model) {
    return where(call -> model.equals(call.model()));
  }

  /** Calls of this verb: {@code generateContent} or {@code streamGenerateContent}. */
  public Requests method(String verb) {
    return where(call -> verb.equalsIgnoreCase(call.method()));
  }

  /** Calls carrying this header with exactly this value. */
  public Requests header(String name, String value) {
    return where(call -> value.equals(call.header(name)));
  }

  /** Calls whose last user text contains {@code text}. */
  public Requests lastUserTextContaining(String text) {
    return where(call -> call.lastUserText().contains(text));
  }

  /** Calls whose last user text equals {@code text} (both sides trimmed). */
  public Requests lastUserText(String text) {
    return where(call -> call.lastUserText().strip().equals(text.strip()));
  }

  /** Calls in which code ran. */
  public Requests withCode() {
    return where(call -> !call.code().isEmpty());
  }

  public List<RecordedCall> list() {
    return log.matching(filter);
  }

  public int count() {
    return list().size();
  }

  /** The only matching call; fails, listing what arrived, when there is none or more than one. */
  public RecordedCall single() {
    List<RecordedCall> calls = list();
    if (calls.size() != 1) {
      throw new AssertionError("expected exactly 1 matching call to gememu, found " + calls.size() + describe(calls));
    }
    return calls.get(0);
  }

  /** Every code run of the matching calls, in order. */
  public List<RecordedCall.CodeRun> codeRuns() {
    return list().stream().flatMap(call -> call.code().stream()).toList();
  }

  /**
   * Waits (woken by each answered call, never polling) until at least {@code count} calls match, and
   * returns them; fails when {@code timeout} passes first.
   */
  public List<RecordedCall> await(int count, Duration timeout) {
    try {
      return log.await(filter, count, timeout);
    } catch (TimeoutException e) {
      throw new AssertionError(e.getMessage() + describe(list()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for calls to gememu", e);
    }
  }

  private static String describe(List<RecordedCall> calls) {
    return calls.isEmpty() ? "" : calls.stream()
        .map(call -> "\n  " + call.exchange().method() + " " + call.exchange().path() + " \""
            + abbreviate(call.lastUserText()) + "\" -> "
            + call.status() + (call.reply() == null ? "" : " (" + call.reply() + ")"))
        .collect(Collectors.joining("", ":", ""));
  }

  private static String abbreviate(String text) {
    String line = text.replace('\n', ' ');
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
