package dev.gememu.journal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The latest exchanges (at most {@code capacity}; older ones are dropped), oldest first. Listeners
 * hear each exchange as it is added, so a test can wait for one without polling.
 */
public final class ExchangeStore {
  public static final int DEFAULT_CAPACITY = 500;

  private final int capacity;
  private final Deque<Exchange> exchanges = new ArrayDeque<>();
  private final List<Consumer<Exchange>> listeners = new CopyOnWriteArrayList<>();
  private long lastId;

  public ExchangeStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("exchange store capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds an exchange, numbering it, and tells the listeners; returns it with its id. */
  public Exchange add(Exchange exchange) {
    Exchange numbered;
    synchronized (this) {
      numbered = exchange.withId(++lastId);
      exchanges.addLast(numbered);
      while (exchanges.size() > capacity) {
        exchanges.removeFirst();
      }
    }
    listeners.forEach(listener -> listener.accept(numbered));
    return numbered;
  }

  /** The exchanges kept, oldest first. */
  public synchronized List<Exchange> all() {
    return List.copyOf(exchanges);
  }

  /** Forgets every exchange kept; ids keep counting. */
  public synchronized void clear() {
    exchanges.clear();
  }

  /** Calls the listener with every exchange added from now on, until the returned handle is closed. */
  public AutoCloseable subscribe(Consumer<Exchange> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
