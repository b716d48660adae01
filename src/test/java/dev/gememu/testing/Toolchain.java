package dev.gememu.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What a client test does when the toolchain it drives (Node, Python, Go) or the SDK it installs is
 * missing: on a developer's machine the client's tests are skipped, with a banner nobody can miss;
 * under {@code CI=true} the run fails, so CI never passes by skipping a client.
 */
public final class Toolchain {
  private Toolchain() {}

  /** Skips (or, under CI, fails) the calling test class when {@code problem} is not null. */
  public static void require(String client, String problem) {
    require(client, problem, "true".equalsIgnoreCase(System.getenv("CI")));
  }

  static void require(String client, String problem, boolean ci) {
    if (problem == null) {
      return;
    }
    String message = "The " + client + " tests cannot run: " + problem;
    if (ci) {
      fail(message + " (CI=true: a missing client toolchain fails the run)");
    }
    System.err.println("\n" + "*".repeat(100) + "\n*** SKIPPED: " + message + "\n" + "*".repeat(100) + "\n");
    Assumptions.abort(message);
  }

  /** Null when {@code file} exists, else why not with how to install it. */
  public static String missingFile(Path file, String what, String installHint) {
    return Files.exists(file) ? null : what + " is not installed (" + file + " is missing): " + installHint;
  }

  /** The first line {@code command} prints, or null when it cannot be run or fails. */
  public static String firstLineOf(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return null;
      }
      return process.exitValue() == 0 ? out.lines().findFirst().orElse("") : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
