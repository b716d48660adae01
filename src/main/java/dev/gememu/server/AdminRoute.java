package dev.gememu.server;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gememu.api.ApiException;
import dev.gememu.api.Status;
import dev.gememu.fixtures.Fixture;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.FixtureStore;
import dev.gememu.fixtures.InvalidFixtureException;
import dev.gememu.fixtures.LoadProblem;
import dev.gememu.fixtures.LoadedFixture;
import dev.gememu.journal.Journal;
import dev.gememu.journal.JournalEntry;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /__gememu/*}: health, the fixtures (list, add, remove, reset, reload) and the request journal. */
final class AdminRoute {
  static final String PREFIX = "/__gememu";

  private final FixtureStore fixtures;
  private final FixtureLoader loader;
  private final Journal journal;
  private final ObjectWriter writer;

  AdminRoute(FixtureStore fixtures, FixtureLoader loader, Journal journal, ObjectWriter writer) {
    this.fixtures = fixtures;
    this.loader = loader;
    this.journal = journal;
    this.writer = writer;
  }

  /** A served fixture as the admin API lists it. */
  record FixtureView(String name, String origin, int order, int calls, Fixture fixture) {}

  record FixtureList(List<FixtureView> fixtures, List<LoadProblem> problems) {}

  record Health(String status, int fixtures, int problems) {}

  record JournalView(List<JournalEntry> entries) {}

  void health(Context ctx) throws IOException {
    FixtureStore.Snapshot snapshot = fixtures.snapshot();
    Responses.json(ctx, writer, new Health("ok", snapshot.fixtures().size(), snapshot.problems().size()));
  }

  void list(Context ctx) throws IOException {
    Responses.json(ctx, writer, view(fixtures.snapshot()));
  }

  void add(Context ctx) throws IOException {
    Fixture fixture;
    try {
      fixture = loader.parse(body(ctx), format(ctx), FixtureStore.ADMIN_ORIGIN, null);
    } catch (InvalidFixtureException e) {
      throw ApiException.invalidArgument("Invalid fixture: " + e.problem());
    }
    try {
      Responses.json(ctx, writer, 201, view(fixtures.add(fixture)));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidArgument(e.getMessage());
    }
  }

  void remove(Context ctx) throws IOException {
    String name = ctx.pathParam("name");
    if (!fixtures.remove(name)) {
      throw new ApiException(Status.NOT_FOUND, "No fixture is named \"" + name + "\"; GET "
          + PREFIX + "/fixtures lists them.");
    }
    Responses.json(ctx, writer, Map.of());
  }

  void reset(Context ctx) throws IOException {
    Responses.json(ctx, writer, view(fixtures.reset()));
  }

  void reload(Context ctx) throws IOException {
    Responses.json(ctx, writer, view(fixtures.reload()));
  }

  void journal(Context ctx) throws IOException {
    Responses.json(ctx, writer, new JournalView(journal.entries()));
  }

  void clearJournal(Context ctx) throws IOException {
    journal.clear();
    Responses.json(ctx, writer, Map.of());
  }

  private FixtureList view(FixtureStore.Snapshot snapshot) {
    return new FixtureList(snapshot.fixtures().stream().map(this::view).collect(Collectors.toList()),
        snapshot.problems());
  }

  private FixtureView view(LoadedFixture fixture) {
    return new FixtureView(fixture.name(), fixture.origin(), fixture.order(), fixtures.calls(fixture.name()),
        fixture.fixture());
  }

  private static String body(Context ctx) {
    return new String(RequestBody.bytes(ctx), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** YAML when the Content-Type says so or the body does not start like JSON. */
  private static FixtureLoader.Format format(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (type.contains("yaml")) {
      return FixtureLoader.Format.YAML;
    }
    if (type.contains("json")) {
      return FixtureLoader.Format.JSON;
    }
    return body(ctx).stripLeading().startsWith("{") ? FixtureLoader.Format.JSON : FixtureLoader.Format.YAML;
  }
}
