package dev.gememu.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario of a script under {@code src/test/js} with Node, the way a user of the JS SDKs
 * would, and reads the {@code {"ok": …, "result"|"error": …}} line it prints last.
 */
public final class NodeScript {
  public static final Path DIRECTORY = Path.of("src", "test", "js").toAbsolutePath();
  private static final long TIMEOUT_SECONDS = 90;
  private static final String INSTALL_HINT = "run `make test`, or `npm ci --prefix src/test/js` once before `mvn verify`";

  private NodeScript() {}

  /** Fails the calling test class at once, with the reason, when Node or the SDKs are missing. */
  public static void requireNodeAndSdks(String... packages) {
    String version = nodeVersion();
    if (version == null) {
      fail("The JS SDK tests need Node.js 20+ on the PATH (set GEMEMU_NODE to use another binary): "
          + node() + " could not be run");
    }
    if (Integer.parseInt(version.replaceFirst("^v(\\d+)\\..*$", "$1")) < 20) {
      fail("The JS SDK tests need Node.js 20+, found " + version);
    }
    for (String pkg : packages) {
      if (!Files.isRegularFile(DIRECTORY.resolve("node_modules").resolve(pkg).resolve("package.json"))) {
        fail("The JS SDK " + pkg + " is not installed in " + DIRECTORY + ": " + INSTALL_HINT);
      }
    }
  }

  /** The parsed last line of {@code node <script> <baseUrl> <scenario>}. */
  public static JsonNode run(String script, String baseUrl, String scenario) {
    try {
      Path stdout = Files.createTempFile("gememu-node-", ".out");
      Path stderr = Files.createTempFile("gememu-node-", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(List.of(node(), script, baseUrl, scenario))
            .directory(DIRECTORY.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
        // A developer's GOOGLE_GENAI_USE_VERTEXAI, GOOGLE_GEMINI_BASE_URL or keys must not steer the SDKs.
        builder.environment().keySet().removeIf(name -> name.startsWith("GOOGLE_") || name.startsWith("GEMINI_"));
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
          fail(script + " " + scenario + " did not finish in " + TIMEOUT_SECONDS + " s; stderr:\n" + Files.readString(stderr));
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8).strip();
        String lastLine = out.substring(out.lastIndexOf('\n') + 1);
        if (process.exitValue() != 0 || !lastLine.startsWith("{\"ok\"")) {
          fail(script + " " + scenario + " exited with " + process.exitValue() + "; stdout:\n" + out
              + "\nstderr:\n" + Files.readString(stderr));
        }
        return RawHttp.tree(lastLine);
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The result of a scenario that must succeed. */
  public static JsonNode result(String script, String baseUrl, String scenario) {
    JsonNode answer = run(script, baseUrl, scenario);
    if (!answer.path("ok").asBoolean()) {
      fail(script + " " + scenario + " failed: " + answer.path("error").toPrettyString());
    }
    return answer.path("result");
  }

  /** The error of a scenario that must fail. */
  public static JsonNode error(String script, String baseUrl, String scenario) {
    JsonNode answer = run(script, baseUrl, scenario);
    if (answer.path("ok").asBoolean()) {
      fail(script + " " + scenario + " was expected to fail but returned " + answer.path("result"));
    }
    return answer.path("error");
  }

  private static String node() {
    String configured = System.getenv("GEMEMU_NODE");
    return configured == null || configured.isBlank() ? "node" : configured;
  }

  private static String nodeVersion() {
    try {
      Process process = new ProcessBuilder(node(), "--version").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && out.matches("v\\d+\\..*") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
