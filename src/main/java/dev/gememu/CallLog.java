package dev.gememu;

import dev.gememu.api.ApiException;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;
import dev.gememu.model.ExecutedCode;
import dev.gememu.model.Reply;
import dev.gememu.model.TurnListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Every finished call to the model, with the scope its request named, newest last (at most
 * {@code capacity}). Waiters are woken on each new call, so tests wait for calls without polling.
 */
final class CallLog implements TurnListener {
  private final Scopes scopes;
  private final int capacity;
  private final List<Entry> entries = new ArrayList<>();

  /** A call and the scope it was made in. */
  record Entry(Scope scope, RecordedCall call) {}

  CallLog(Scopes scopes, int capacity) {
    this.scopes = scopes;
    this.capacity = capacity;
  }

  @Override
  public Observation begin(ModelCall call, GenerateContentRequest request) {
    Scope scope = scopes.of(call.header(Scopes.HEADER));
    return new Observation() {
      @Override
      public void answered(Reply reply, List<ExecutedCode> executed) {
        add(new Entry(scope, call(call, request, reply, 200, executed)));
      }

      @Override
      public void failed(Reply reply, RuntimeException error) {
        int status = error instanceof ApiException api ? api.status().httpCode() : 500;
        add(new Entry(scope, call(call, request, reply, status, List.of())));
      }
    };
  }

  private static RecordedCall call(ModelCall call, GenerateContentRequest request, Reply reply, int status,
      List<ExecutedCode> executed) {
    List<RecordedCall.CodeRun> code = new ArrayList<>();
    for (ExecutedCode run : executed) {
      code.add(new RecordedCall.CodeRun(run.code(), run.outcome().name(), run.output()));
    }
    return new RecordedCall(call.model(), call.method().verb(), call.headers(), request,
        reply == null ? null : reply.source(), status, code);
  }

  private synchronized void add(Entry entry) {
    entries.add(entry);
    if (entries.size() > capacity) {
      entries.remove(0);
    }
    notifyAll();
  }

  synchronized List<RecordedCall> matching(Predicate<Entry> filter) {
    return entries.stream().filter(filter).map(Entry::call).toList();
  }

  /** Waits until at least {@code count} calls match, woken by each new call; returns them all. */
  synchronized List<RecordedCall> await(Predicate<Entry> filter, int count, Duration timeout)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<RecordedCall> found = matching(filter);
    while (found.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException("waited " + timeout.toMillis() + " ms for " + count + " call(s), "
            + found.size() + " arrived");
      }
      wait(Math.max(1, left / 1_000_000));
      found = matching(filter);
    }
    return found;
  }

  /** Forgets the calls made in {@code scope} or inside it. */
  synchronized void forget(Scope scope) {
    entries.removeIf(entry -> scope.contains(entry.scope()));
  }
}
