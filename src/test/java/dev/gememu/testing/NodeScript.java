package dev.gememu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs one scenario of a script under {@code src/test/js} with Node, the way a user of the JS SDKs
 * would, and reads the {@code {"ok": …, "result"|"error": …}} line it prints last.
 */
public final class NodeScript {
  public static final Path DIRECTORY = Path.of("src", "test", "js").toAbsolutePath();
  private static final String INSTALL_HINT = "run `make test`, or `npm ci --prefix src/test/js` once before `mvn verify`";

  private NodeScript() {}

  /** Skips the calling test class loudly (fails it under CI) when Node 20+ or an SDK is missing. */
  public static void requireNodeAndSdks(String... packages) {
    Toolchain.require("JS SDK", problem(packages));
  }

  private static String problem(String... packages) {
    String version = Toolchain.firstLineOf(List.of(node(), "--version"));
    if (version == null || !version.matches("v\\d+\\..*")) {
      return "Node.js 20+ is not on the PATH (set GEMEMU_NODE to use another binary): " + node() + " could not be run";
    }
    if (Integer.parseInt(version.replaceFirst("^v(\\d+)\\..*$", "$1")) < 20) {
      return "they need Node.js 20+, found " + version;
    }
    for (String pkg : packages) {
      String missing = Toolchain.missingFile(DIRECTORY.resolve("node_modules").resolve(pkg).resolve("package.json"),
          "the JS SDK " + pkg, INSTALL_HINT);
      if (missing != null) {
        return missing;
      }
    }
    return null;
  }

  private static ClientProgram program(String script) {
    return program(script, Map.of());
  }

  /** {@code node <script>} with {@code environment} added, e.g. {@code GEMEMU_JS_SDKS=newest}. */
  public static ClientProgram program(String script, Map<String, String> environment) {
    return new ClientProgram(List.of(node(), script), DIRECTORY, environment);
  }

  /** The parsed last line of {@code node <script> <baseUrl> <scenario>}. */
  public static JsonNode run(String script, String baseUrl, String scenario) {
    return program(script).run(baseUrl, scenario);
  }

  /** The result of a scenario that must succeed. */
  public static JsonNode result(String script, String baseUrl, String scenario) {
    return program(script).result(baseUrl, scenario);
  }

  /** The error of a scenario that must fail. */
  public static JsonNode error(String script, String baseUrl, String scenario) {
    return program(script).error(baseUrl, scenario);
  }

  private static String node() {
    String configured = System.getenv("GEMEMU_NODE");
    return configured == null || configured.isBlank() ? "node" : configured;
  }
}
