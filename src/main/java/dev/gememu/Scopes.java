package dev.gememu;

import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;
import dev.gememu.fixtures.FixtureDirectories;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.FixtureStore;
import dev.gememu.model.Lookup;
import dev.gememu.model.Responder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Fixture scopes: a request carrying {@code x-gememu-scope: ID} is answered from that scope's
 * fixtures first, then from its parent's, and last from the server's own (the root scope). Requests
 * without the header, or naming a closed scope, see only the server's fixtures. This is how tests
 * running in parallel against one server each see their own fixtures.
 */
final class Scopes implements Responder {
  /** The request header that selects a scope. */
  static final String HEADER = "x-gememu-scope";

  private final Map<String, Scope> open = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Function<FixtureStore, Responder> responderFor;
  private final Scope root;

  /** @param responderFor the fixture responder that answers from one scope's store */
  Scopes(FixtureStore serverFixtures, Function<FixtureStore, Responder> responderFor) {
    this.responderFor = responderFor;
    this.root = new Scope(null, null, serverFixtures);
  }

  Scope root() {
    return root;
  }

  /** A new scope under {@code parent}, with an id made of {@code label} and a number. */
  Scope open(Scope parent, String label) {
    String id = label.replaceAll("[^A-Za-z0-9._-]+", "-") + "-" + ids.incrementAndGet();
    Scope scope = new Scope(id, parent, emptyStore());
    open.put(id, scope);
    return scope;
  }

  void close(Scope scope) {
    if (scope.id() != null) {
      open.remove(scope.id());
    }
  }

  /** The scope a request's header names, or the root. */
  Scope of(String headerValue) {
    Scope scope = headerValue == null ? null : open.get(headerValue);
    return scope == null ? root : scope;
  }

  @Override
  public Lookup respond(ModelCall call, GenerateContentRequest request) {
    List<Supplier<String>> misses = new ArrayList<>();
    for (Scope scope = of(call.header(HEADER)); scope != null; scope = scope.parent()) {
      FixtureStore store = scope.store();
      if (scope != root && store.snapshot().fixtures().isEmpty()) {
        continue;
      }
      Lookup lookup = responderFor.apply(store).respond(call, request);
      if (lookup instanceof Lookup.Found) {
        return lookup;
      }
      String where = scope == root ? "" : "scope " + scope.id() + ": ";
      Supplier<String> explanation = ((Lookup.Missing) lookup).explanation();
      misses.add(() -> where + explanation.get());
    }
    return new Lookup.Missing(() -> misses.stream().map(Supplier::get).collect(Collectors.joining("\n- ")));
  }

  static FixtureStore emptyStore() {
    return new FixtureStore(new FixtureDirectories(List.of(), new FixtureLoader()));
  }
}
