package dev.gememu.journal;

import dev.gememu.api.ApiException;
import dev.gememu.api.Content;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;
import dev.gememu.api.Part;
import dev.gememu.model.ExecutedCode;
import dev.gememu.model.Reply;
import dev.gememu.model.TurnListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request journal: the latest calls to the model (at most {@code capacity}; older ones are
 * dropped), each with the reply's source, the code that ran, the outcome, timings and drift.
 */
public final class Journal implements TurnListener {
  public static final int DEFAULT_CAPACITY = 500;

  private final Clock clock;
  private final int capacity;
  private final Deque<JournalEntry> entries = new ArrayDeque<>();
  private final AtomicLong ids = new AtomicLong();

  public Journal(Clock clock, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be at least 1, was " + capacity);
    }
    this.clock = clock;
    this.capacity = capacity;
  }

  /** The entries, oldest first. */
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  public synchronized void clear() {
    entries.clear();
  }

  @Override
  public Observation begin(ModelCall call, GenerateContentRequest request) {
    Instant start = clock.instant();
    return new Observation() {
      @Override
      public void answered(Reply reply, List<ExecutedCode> executed) {
        add(entry(call, request, start, reply, 200, null, executed));
      }

      @Override
      public void failed(Reply reply, RuntimeException error) {
        int status = error instanceof ApiException api ? api.status().httpCode() : 500;
        add(entry(call, request, start, reply, status, String.valueOf(error.getMessage()), List.of()));
      }
    };
  }

  private synchronized void add(JournalEntry entry) {
    entries.addLast(entry);
    while (entries.size() > capacity) {
      entries.removeFirst();
    }
  }

  private JournalEntry entry(ModelCall call, GenerateContentRequest request, Instant start, Reply reply,
      int status, String error, List<ExecutedCode> executed) {
    List<JournalEntry.CodeRun> code = new ArrayList<>();
    for (ExecutedCode run : executed) {
      code.add(new JournalEntry.CodeRun(run.code(), run.outcome().name(), run.output(), run.expectedOutput(),
          run.drifted(), run.elapsed() == null ? 0 : run.elapsed().toMillis(), run.executor()));
    }
    boolean contents = request.contents() != null;
    return new JournalEntry(ids.incrementAndGet(), start.toString(), call.method().verb(), call.model(),
        contents ? request.lastUserText() : "", contents ? turns(request.contents()) : List.of(),
        reply == null ? null : reply.source(), status, error, code,
        executed.stream().anyMatch(ExecutedCode::drifted), Duration.between(start, clock.instant()).toMillis(),
        call.ignoredFields());
  }

  private static List<String> turns(List<Content> contents) {
    List<String> turns = new ArrayList<>();
    for (Content content : contents) {
      StringJoiner kinds = new StringJoiner(", ", content.effectiveRole() + ": ", "");
      for (Part part : content.parts() == null ? List.<Part>of() : content.parts()) {
        kinds.add(kind(part));
      }
      turns.add(kinds.toString());
    }
    return turns;
  }

  private static String kind(Part part) {
    if (part.text() != null) {
      return Boolean.TRUE.equals(part.thought()) ? "thought" : "text";
    }
    if (part.executableCode() != null) {
      return "executableCode";
    }
    if (part.codeExecutionResult() != null) {
      return "codeExecutionResult";
    }
    if (part.inlineData() != null) {
      return "inlineData";
    }
    if (part.fileData() != null) {
      return "fileData";
    }
    return part.functionCall() != null ? "functionCall" : part.functionResponse() != null ? "functionResponse" : "other";
  }
}
