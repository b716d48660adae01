package dev.gememu;

import dev.gememu.journal.Exchange;
import dev.gememu.journal.ExchangeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The server's captured exchanges, each with the scope its request named (resolved as it is
 * captured, while the scope is open), newest last (at most {@code capacity}). Waiters are woken by
 * each new exchange, so tests wait for calls without polling.
 */
final class CallLog {
  private final Scopes scopes;
  private final int capacity;
  private final List<Entry> entries = new ArrayList<>();

  /** A call and the scope it was made in. */
  record Entry(Scope scope, RecordedCall call) {}

  private CallLog(Scopes scopes, int capacity) {
    this.scopes = scopes;
    this.capacity = capacity;
  }

  /** A log that hears every exchange the store captures from now on. */
  static CallLog following(ExchangeStore exchanges, Scopes scopes, int capacity) {
    CallLog log = new CallLog(scopes, capacity);
    exchanges.subscribe(log::add);
    return log;
  }

  private synchronized void add(Exchange exchange) {
    entries.add(new Entry(scopes.of(exchange.requestHeader(Scopes.HEADER)), RecordedCall.of(exchange)));
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
