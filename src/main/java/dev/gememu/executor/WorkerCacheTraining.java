package dev.gememu.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code make build}'s last step: trains the AOT cache that worker JVMs start from (JDK 25+, a class
 * path of jars). Writes it next to the final path and moves it there, so a failed or interrupted
 * training never leaves a broken cache behind. Exits 0 without a cache where none can be made.
 */
public final class WorkerCacheTraining {
  private WorkerCacheTraining() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path target = Path.of(args[0]).toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    WorkerLauncher training = WorkerLauncher.training(partial);
    if (training.command().stream().noneMatch(flag -> flag.startsWith("-XX:AOTCacheOutput="))) {
      System.out.println("worker AOT cache: skipped (needs Java 25+ and a class path of jars; running Java "
          + Runtime.version().feature() + ")");
      return;
    }
    // The JVM's own chatter (classes it cannot archive, the class path it passes its assembly step) goes
    // to a log beside the cache, as the server cache's training does, and is shown only when training fails.
    Path log = target.resolveSibling(target.getFileName() + ".log");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(training.command())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
    process.getOutputStream().close();
    int exit = process.waitFor();
    if (exit != 0 || !Files.isRegularFile(partial)) {
      Files.deleteIfExists(partial);
      System.err.println("worker AOT cache: training failed (exit code " + exit + ", see " + log + "); workers start without it");
      return;
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf("worker AOT cache: %s (%d MiB, trained in %.1f s)%n",
        target, Files.size(target) >> 20, (System.nanoTime() - start) / 1e9);
  }
}
