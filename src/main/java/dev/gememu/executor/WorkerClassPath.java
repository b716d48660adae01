package dev.gememu.executor;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class path of a worker JVM: gememu's own classes or jar, then each jar of gememu's runtime
 * dependencies, as the build listed them in {@value #JARS_RESOURCE}. Each jar is looked up by file name
 * beside gememu's jar (a distribution's {@code lib/}), among the jars the class loader sees (Maven's
 * repository when gememu is a test dependency, whatever launcher or IDE started the JVM) and on
 * {@code java.class.path}. Only when a jar cannot be found does it fall back to {@code java.class.path}.
 */
final class WorkerClassPath {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerClassPath.class);
  /** One file name per line, written by the build (maven-dependency-plugin, runtime scope). */
  static final String JARS_RESOURCE = "/dev/gememu/executor/worker-jars.txt";

  private WorkerClassPath() {}

  static List<Path> resolve(ClassLoader loader) {
    Path own = ownLocation();
    List<String> needed = neededJars();
    if (own == null || needed.isEmpty()) {
      LOG.warn("gememu's location or its jar list ({}) is unknown: workers inherit java.class.path", JARS_RESOURCE);
      return inherited();
    }
    Map<String, Path> known = new LinkedHashMap<>();
    index(known, inherited());
    index(known, visibleJars(loader));
    if (Files.isRegularFile(own)) {
      index(known, jarsBeside(own));
    }
    List<Path> classPath = new ArrayList<>(List.of(own));
    List<String> missing = new ArrayList<>();
    for (String name : needed) {
      Path jar = known.get(name);
      if (jar == null) {
        missing.add(name);
      } else {
        classPath.add(jar);
      }
    }
    if (!missing.isEmpty()) {
      LOG.warn("Jars for the workers not found ({}): workers inherit java.class.path", missing);
      return inherited();
    }
    return classPath;
  }

  /** gememu's classes directory or jar. */
  static Path ownLocation() {
    try {
      return Path.of(WorkerClassPath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException notAFile) {
      return null;
    }
  }

  static List<String> neededJars() {
    return listedJars().stream().map(entry -> entry.substring(entry.lastIndexOf('/') + 1)).toList();
  }

  /** File names of the listed jars of GraalPy, Truffle and what they require as modules. */
  static Set<String> moduleJars() {
    Set<String> names = new HashSet<>();
    for (String entry : listedJars()) {
      if (isModule(entry)) {
        names.add(entry.substring(entry.lastIndexOf('/') + 1));
      }
    }
    return names;
  }

  /** Whether a jar's path in a Maven repository places it in GraalPy's module world (GraalPy's crypto needs Bouncy Castle). */
  static boolean isModule(String entry) {
    String path = "/" + entry.replace('\\', '/');
    return path.contains("/org/graalvm/") || path.contains("/org/bouncycastle/");
  }

  /** The listed jars, each as its path in the Maven repository, e.g. {@code org/graalvm/.../polyglot-25.0.3.jar}. */
  private static List<String> listedJars() {
    try (InputStream in = WorkerClassPath.class.getResourceAsStream(JARS_RESOURCE)) {
      if (in == null) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (String entry : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("[\\s" + File.pathSeparator + "]+")) {
        if (entry.endsWith(".jar")) {
          names.add(entry.replace('\\', '/'));
        }
      }
      return names;
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void index(Map<String, Path> known, List<Path> jars) {
    for (Path jar : jars) {
      if (jar.getFileName() != null && Files.isRegularFile(jar)) {
        known.putIfAbsent(jar.getFileName().toString(), jar.toAbsolutePath());
      }
    }
  }

  private static List<Path> inherited() {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }

  /** Every jar the class loader can read, found through the manifest each jar carries. */
  private static List<Path> visibleJars(ClassLoader loader) {
    List<Path> jars = new ArrayList<>();
    try {
      for (URL manifest : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
        String url = manifest.toString();
        int separator = url.indexOf("!/");
        if (url.startsWith("jar:file:") && separator > 0) {
          jars.add(Path.of(URI.create(url.substring("jar:".length(), separator))));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      LOG.debug("Cannot list the class loader's jars: {}", unreadable.toString());
    }
    return jars;
  }

  private static List<Path> jarsBeside(Path jar) {
    List<Path> jars = new ArrayList<>();
    try (var files = Files.newDirectoryStream(jar.toAbsolutePath().getParent(), "*.jar")) {
      files.forEach(jars::add);
    } catch (IOException | RuntimeException unreadable) {
      return jars;
    }
    return jars;
  }
}
