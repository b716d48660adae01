package dev.gememu.executor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What worker JVMs are started from, found once and explicitly rather than inherited: the Java of
 * this JVM, a JDK 25+ for the JIT when one is installed, the worker's own class path (see
 * {@link WorkerClassPath}), and the Graal compiler and AOT cache when they sit beside gememu's
 * classes or jar ({@code target/} in a build tree, {@code lib/} in a distribution).
 *
 * @param java the {@code java} of this JVM
 * @param javaFeature its feature version, e.g. 17
 * @param jdk25 a {@code java} of version 25 or later, or null when none was found
 * @param classPath the worker's class path
 * @param moduleJars file names of the jars JIT workers put on the module path (GraalPy, Truffle, Bouncy Castle)
 * @param jitCompiler the Graal compiler jar for JIT workers, or null when absent
 * @param aotCache where the workers' AOT cache is (or is trained to), or null when gememu has no home directory
 */
record WorkerRuntime(Path java, int javaFeature, Path jdk25, List<Path> classPath, Set<String> moduleJars,
    Path jitCompiler, Path aotCache) {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);
  /** Where Debian, Ubuntu and the Temurin packages install JDKs. */
  static final Path JVM_DIR = Path.of("/usr/lib/jvm");
  static final String AOT_CACHE = "worker.aot";

  WorkerRuntime {
    classPath = List.copyOf(classPath);
    moduleJars = Set.copyOf(moduleJars);
  }

  /** This JVM's runtime, with the JDKs installed under {@link #JVM_DIR}. */
  static WorkerRuntime detect() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    int feature = Runtime.version().feature();
    Path home = home();
    return new WorkerRuntime(java, feature, feature >= 25 ? java : newestJdk(JVM_DIR, 25),
        WorkerClassPath.resolve(WorkerRuntime.class.getClassLoader()), WorkerClassPath.moduleJars(),
        home == null ? null : compilerIn(home.resolve("jit")), home == null ? null : home.resolve(AOT_CACHE));
  }

  /** The directory gememu's classes directory or jar is in, or null when it is not a file. */
  private static Path home() {
    try {
      URL location = WorkerRuntime.class.getProtectionDomain().getCodeSource().getLocation();
      return Path.of(location.toURI()).toAbsolutePath().getParent();
    } catch (URISyntaxException | RuntimeException notAFile) {
      return null;
    }
  }

  /** The {@code java} of the newest JDK under {@code jvmDir} whose feature version is at least {@code minimum}. */
  static Path newestJdk(Path jvmDir, int minimum) {
    Path best = null;
    int bestFeature = minimum - 1;
    try (DirectoryStream<Path> jdks = Files.newDirectoryStream(jvmDir)) {
      for (Path jdk : jdks) {
        int feature = featureOf(jdk.resolve("release"));
        Path java = jdk.resolve("bin").resolve("java");
        if (feature > bestFeature && Files.isExecutable(java)) {
          best = java;
          bestFeature = feature;
        }
      }
    } catch (IOException | RuntimeException noJdks) {
      LOG.debug("No JDK found under {}: {}", jvmDir, noJdks.toString());
    }
    return best;
  }

  /** {@code JAVA_VERSION="25.0.1"} of a JDK's {@code release} file, as 25; 0 when unreadable. */
  private static int featureOf(Path release) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(release)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
      return Integer.parseInt(version.split("[.+-]")[0]);
    } catch (IOException | RuntimeException unreadable) {
      return 0;
    }
  }

  /** The Graal compiler jar ({@code compiler-<version>.jar}) in {@code dir}, or null. */
  static Path compilerIn(Path dir) {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "compiler-*.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    } catch (IOException | RuntimeException none) {
      return null;
    }
    return null;
  }
}
