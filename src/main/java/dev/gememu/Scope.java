package dev.gememu;

import dev.gememu.fixtures.Fixture;
import dev.gememu.fixtures.FixtureStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One fixture namespace (see {@link Scopes}): its store, and the fixtures it starts with and returns
 * to on reset. The root scope's store is the server's, read from the fixture directories.
 */
final class Scope {
  private final String id;
  private final Scope parent;
  private final List<Fixture> initial = new CopyOnWriteArrayList<>();
  private volatile FixtureStore store;

  Scope(String id, Scope parent, FixtureStore store) {
    this.id = id;
    this.parent = parent;
    this.store = store;
  }

  /** The header value that selects this scope; null for the root. */
  String id() {
    return id;
  }

  Scope parent() {
    return parent;
  }

  FixtureStore store() {
    return store;
  }

  /** Adds a fixture that stays across resets. */
  void addInitial(Fixture fixture) {
    initial.add(store.add(fixture).fixture());
  }

  /** Back to the initial fixtures, every sequence restarted; the root re-reads its files. */
  void reset() {
    if (parent == null) {
      store.reset();
    } else {
      store = Scopes.emptyStore();
    }
    initial.forEach(store::add);
  }

  /** Whether a request that named {@code scope} belongs to this scope or to one inside it. */
  boolean contains(Scope scope) {
    for (Scope s = scope; s != null; s = s.parent) {
      if (s == this) {
        return true;
      }
    }
    return false;
  }
}
