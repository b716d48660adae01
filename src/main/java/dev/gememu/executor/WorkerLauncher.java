package dev.gememu.executor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line of a worker JVM, built from an explicit {@link WorkerRuntime} (never from the
 * parent's {@code java.class.path} or the build tree): the worker's own class path and heap, the
 * Graal JIT when asked for and available, and the JDK 25 AOT cache of GraalPy's classes when one
 * has been trained.
 */
final class WorkerLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerLauncher.class);

  private final List<String> command;
  private final String description;

  private WorkerLauncher(List<String> command, String description) {
    this.command = List.copyOf(command);
    this.description = description;
  }

  static WorkerLauncher of(ExecutorOptions options, ExecutionLimits limits) {
    return of(options, limits, WorkerRuntime.detect(), null);
  }

  /**
   * The command of a worker that runs typical snippets, exits and leaves a JDK 25 AOT cache of the
   * classes it loaded in {@code cacheOutput}: later workers started with the same class path load
   * GraalPy's classes from it instead of from the jars, which cuts their start-up by about half.
   */
  static WorkerLauncher training(Path cacheOutput) {
    return of(ExecutorOptions.defaults(), ExecutionLimits.defaults(), WorkerRuntime.detect(), cacheOutput);
  }

  static WorkerLauncher of(ExecutorOptions options, ExecutionLimits limits, WorkerRuntime runtime, Path cacheOutput) {
    List<String> command = new ArrayList<>();
    List<String> classPath = runtime.classPath().stream().map(Path::toString).toList();
    List<String> modules = classPath.stream().filter(entry -> belongsOnModulePath(runtime, entry)).toList();
    boolean jit = options.jit() && runtime.jitCompiler() != null && runtime.jdk25() != null && !modules.isEmpty();
    if (options.jit() && !jit) {
      LOG.warn("--jit asked for, but {}: workers run the GraalPy interpreter",
          runtime.jdk25() == null ? "no JDK 25 or later was found (under " + WorkerRuntime.JVM_DIR + ")"
              : runtime.jitCompiler() == null ? "the Graal compiler jar is missing (jit/compiler-*.jar beside gememu)"
              : "the GraalPy jars are not on the class path as separate jars");
    }
    Path java = jit ? runtime.jdk25() : runtime.java();
    int feature = jit ? 25 : runtime.javaFeature();
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
    Path aotCache = jit ? null : aotCache(runtime, classPath, cacheOutput != null);
    if (cacheOutput != null && aotCache != null) {
      command.add("-XX:AOTCacheOutput=" + cacheOutput);
    } else if (aotCache != null) {
      command.add("-XX:AOTCache=" + aotCache);
    }
    if (feature >= 24) {
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
      command.add("--upgrade-module-path=" + runtime.jitCompiler());
      command.add("--module-path=" + String.join(File.pathSeparator, modules));
      command.add("--add-modules=ALL-MODULE-PATH");
      // Compilation competes with snippets for the cores; one compiler thread keeps short runs fast.
      command.add("-Dpolyglot.engine.CompilerThreads=1");
    }
    command.add("-cp");
    command.add(String.join(File.pathSeparator, jit
        ? classPath.stream().filter(entry -> !belongsOnModulePath(runtime, entry)).toList() : classPath));
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
        + (jit ? "Graal JIT on " + java : "interpreter on Java " + feature)
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
  private static Path aotCache(WorkerRuntime runtime, List<String> classPath, boolean training) {
    if (runtime.javaFeature() < 25 || runtime.aotCache() == null
        || !classPath.stream().allMatch(entry -> entry.endsWith(".jar"))) {
      return null;
    }
    return training || Files.isRegularFile(runtime.aotCache()) ? runtime.aotCache() : null;
  }

  /** GraalPy, Truffle and what they require as modules (GraalPy's crypto needs Bouncy Castle). */
  private static boolean belongsOnModulePath(WorkerRuntime runtime, String entry) {
    Path jar = Path.of(entry);
    return entry.endsWith(".jar") && jar.getFileName() != null
        && (runtime.moduleJars().contains(jar.getFileName().toString()) || WorkerClassPath.isModule(entry));
  }
}
