package dev.gememu;

import dev.gememu.fixtures.Fixture;
import dev.gememu.fixtures.FixtureDirectories;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.InvalidFixtureException;
import dev.gememu.fixtures.LoadProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fixtures named by a test: a class path resource (a fixture file, or a directory of them when the
 * resource is a directory on disk), else a file or directory path. Any problem fails loudly, with
 * every file and line, because a test should not run against half its fixtures.
 */
final class FixtureSources {
  private final FixtureLoader loader = new FixtureLoader();
  private final ClassLoader classLoader;

  FixtureSources(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  List<Fixture> load(String source) {
    URL resource = classLoader.getResource(source.startsWith("/") ? source.substring(1) : source);
    if (resource == null) {
      Path path = Path.of(source);
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("no fixtures at \"" + source + "\": neither a class path resource nor a path");
      }
      return fromPath(path);
    }
    if ("file".equals(resource.getProtocol())) {
      try {
        return fromPath(Path.of(resource.toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("cannot read fixtures at " + resource, e);
      }
    }
    return List.of(fromStream(resource, source));
  }

  private List<Fixture> fromPath(Path path) {
    if (Files.isRegularFile(path)) {
      try {
        return List.of(loader.read(path, path.toString(), baseName(path.getFileName().toString())));
      } catch (InvalidFixtureException e) {
        throw new IllegalArgumentException("invalid fixture: " + e.problem(), e);
      }
    }
    FixtureDirectories.Scan scan = new FixtureDirectories(List.of(path), loader).scan();
    if (!scan.problems().isEmpty()) {
      throw new IllegalArgumentException("invalid fixtures:\n  " + scan.problems().stream()
          .map(LoadProblem::toString).collect(Collectors.joining("\n  ")));
    }
    return scan.fixtures().stream().map(loaded -> loaded.fixture()).toList();
  }

  /** A fixture file inside a jar; directories inside jars are not listed. */
  private Fixture fromStream(URL resource, String source) {
    String name = source.substring(source.lastIndexOf('/') + 1);
    FixtureLoader.Format format = FixtureLoader.formatOf(Path.of(name));
    if (format == null) {
      throw new IllegalArgumentException("\"" + source + "\" is not a .yaml, .yml or .json fixture file"
          + " (directories of fixtures must be on disk, not inside a jar)");
    }
    try (InputStream in = resource.openStream()) {
      return loader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), format, "classpath:" + source,
          baseName(name));
    } catch (InvalidFixtureException e) {
      throw new IllegalArgumentException("invalid fixture: " + e.problem(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
