package dev.gememu.executor;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line of a worker JVM: this JVM's java and class path (so it works from Maven and
 * from {@code bin/gememu}), the worker's own heap, the Graal JIT when asked for and available, and
 * the JDK 25 AOT cache of GraalPy's classes when {@code make build} has trained one.
 */
final class WorkerLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerLauncher.class);
  static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
  static final String COMPILER_JAR = "compiler-25.0.3.jar";
  /** Written by {@code make build} beside {@code target/classes} with {@link WorkerCacheTraining}. */
  static final String AOT_CACHE = "worker.aot";

  private final List<String> command;
  private final String description;

  private WorkerLauncher(List<String> command, String description) {
    this.command = List.copyOf(command);
    this.description = description;
  }

  static WorkerLauncher of(ExecutorOptions options, ExecutionLimits limits) {
    return of(options, limits, null);
  }

  /**
   * The command of a worker that runs typical snippets, exits and leaves a JDK 25 AOT cache of the
   * classes it loaded in {@code cacheOutput}: later workers started with the same class path load
   * GraalPy's classes from it instead of from the jars, which cuts their start-up by about half.
   */
  static WorkerLauncher training(Path cacheOutput) {
    return of(ExecutorOptions.defaults(), ExecutionLimits.defaults(), cacheOutput);
  }

  private static WorkerLauncher of(ExecutorOptions options, ExecutionLimits limits, Path cacheOutput) {
    List<String> command = new ArrayList<>();
    Path compiler = options.jit() ? jitModules() : null;
    Path jitJava = options.jit() ? jitJava() : null;
    List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    List<String> modules = classPath.stream().filter(WorkerLauncher::belongsOnModulePath).toList();
    boolean jit = compiler != null && jitJava != null && !modules.isEmpty();
    if (options.jit() && !jit) {
      LOG.warn("--jit asked for, but {}: workers run the GraalPy interpreter",
          jitJava == null ? "no JDK 25 was found (" + JDK_25 + ")"
              : compiler == null ? "the Graal compiler jar is missing (run make build)"
              : "the GraalPy jars are not on the class path as separate jars");
    }
    Path java = jit ? jitJava : Path.of(System.getProperty("java.home"), "bin", "java");
    command.add(java.toString());
    command.add("-Xmx" + options.workerHeapMb() + "m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:+UseSerialGC");
    // A small young generation and a heap that starts small and gives back what a full collection frees: an idle
    // worker keeps ~150 MiB resident instead of ~420 MiB (its eden alone was ~100 MiB of touched
    // pages), for a few more young collections while a context is made. See README, Performance.
    command.add("-Xms64m");
    command.add("-Xmn32m");
    command.add("-XX:MinHeapFreeRatio=10");
    command.add("-XX:MaxHeapFreeRatio=30");
    command.add("-XX:-UsePerfData");
    // HotSpot writes some warnings and its logs to stdout, which carries the protocol.
    command.add("-XX:+DisplayVMOutputToStderr");
    command.add("-Xlog:disable");
    command.add("-Xlog:all=warning:stderr");
    Path aotCache = jit ? null : aotCache(java, classPath, cacheOutput != null);
    if (cacheOutput != null && aotCache != null) {
      command.add("-XX:AOTCacheOutput=" + cacheOutput);
    } else if (aotCache != null) {
      command.add("-XX:AOTCache=" + aotCache);
    }
    if (jit || Runtime.version().feature() >= 24) {
      command.add("--enable-native-access=ALL-UNNAMED" + (jit ? ",org.graalvm.truffle" : ""));
      command.add("--sun-misc-unsafe-memory-access=allow");
      // The JIT compilers' scratch memory stays in malloc's arenas after use (~100 MiB per idle
      // worker); trimming them now and then returns it.
      command.add("-XX:TrimNativeHeapInterval=5000");
    }
    if (jit) {
      // The Graal compiler reaches Truffle only through module exports: GraalPy goes on the module path.
      command.add("-XX:+UnlockExperimentalVMOptions");
      command.add("-XX:+EnableJVMCI");
      command.add("--upgrade-module-path=" + compiler);
      command.add("--module-path=" + String.join(File.pathSeparator, modules));
      command.add("--add-modules=ALL-MODULE-PATH");
      // Compilation competes with snippets for the cores; one compiler thread keeps short runs fast.
      command.add("-Dpolyglot.engine.CompilerThreads=1");
    }
    command.add("-cp");
    command.add(String.join(File.pathSeparator, jit
        ? classPath.stream().filter(entry -> !belongsOnModulePath(entry)).toList() : classPath));
    command.add(WorkerMain.class.getName());
    if (cacheOutput != null) {
      command.add(WorkerMain.TRAIN);
    }
    command.add(Long.toString(limits.timeout().toMillis()));
    command.add(Integer.toString(limits.maxOutputBytes()));
    command.add(Integer.toString(Math.max(1, limits.warmContexts())));
    command.add(Long.toString(options.files().maxBytes()));
    command.add(options.files().pythonLibs() == null ? "-" : options.files().pythonLibs().toString());
    String description = options.workers() + " worker processes (-Xmx" + options.workerHeapMb() + "m, "
        + (jit ? "Graal JIT on " + java : "interpreter on Java " + Runtime.version().feature())
        + (aotCache != null && cacheOutput == null ? ", AOT cache " + aotCache : "") + ")";
    return new WorkerLauncher(command, description);
  }

  Process start() throws IOException {
    ProcessBuilder process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE);
    // Fewer malloc arenas: a worker runs one snippet at a time, and each arena holds on to memory.
    process.environment().put("MALLOC_ARENA_MAX", "2");
    return process.start();
  }

  String describe() {
    return description;
  }

  List<String> command() {
    return command;
  }

  /**
   * The AOT cache to start workers with (or, when training, whether one can be made): only a JDK 25+
   * has them, and only for a class path of jars, which {@code bin/gememu} gives but Maven's test
   * runs (with {@code target/classes}) do not.
   */
  private static Path aotCache(Path java, List<String> classPath, boolean training) {
    if (!java.startsWith(System.getProperty("java.home")) || Runtime.version().feature() < 25
        || !classPath.stream().allMatch(entry -> entry.endsWith(".jar") || entry.endsWith(".pom"))) {
      return null;
    }
    Path cache = buildTreeFile(AOT_CACHE);
    return cache != null && (training || Files.isRegularFile(cache)) ? cache : null;
  }

  /** GraalPy, Truffle and what they require as modules (GraalPy's crypto needs Bouncy Castle). */
  private static boolean belongsOnModulePath(String entry) {
    String path = entry.replace('\\', '/');
    return path.endsWith(".jar") && (path.contains("/org/graalvm/") || path.contains("/org/bouncycastle/"));
  }

  private static Path jitJava() {
    if (Runtime.version().feature() >= 25) {
      return Path.of(System.getProperty("java.home"), "bin", "java");
    }
    return Files.isExecutable(JDK_25) ? JDK_25 : null;
  }

  /** {@code target/jit/compiler-*.jar}, copied there by the build beside {@code target/classes}. */
  private static Path jitModules() {
    String override = System.getProperty("gememu.jit.modules");
    if (override != null) {
      return Files.exists(Path.of(override)) ? Path.of(override) : null;
    }
    Path jar = buildTreeFile("jit/" + COMPILER_JAR);
    return jar != null && Files.exists(jar) ? jar : null;
  }

  /** A file of the build tree: {@code target/<name>} beside {@code target/classes} or the gememu jar. */
  private static Path buildTreeFile(String name) {
    try {
      Path classes = Path.of(WorkerLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.resolveSibling(name);
    } catch (URISyntaxException | RuntimeException notFromTheBuildTree) {
      return null;
    }
  }
}
