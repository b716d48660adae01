package dev.gememu.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * The Python and Go programs the client ITs run, from what {@code make test} (bin/sdk-clients)
 * installed: the Python SDK in {@code src/test/python/.venv}, the Go programs prebuilt in
 * {@code src/test/go/bin}. Each {@code require…} skips the calling class loudly when they are
 * missing, and fails it under {@code CI=true}.
 */
public final class SdkPrograms {
  public static final Path PYTHON_DIRECTORY = Path.of("src", "test", "python").toAbsolutePath();
  public static final Path GO_DIRECTORY = Path.of("src", "test", "go").toAbsolutePath();
  private static final String INSTALL_HINT = "run `make test`, or `make sdk-clients` once before `mvn verify`";

  private SdkPrograms() {}

  public static void requirePython() {
    Toolchain.require("Python SDK", Toolchain.firstLineOf(List.of("python3", "--version")) == null
        ? "python3 is not on the PATH"
        : Toolchain.missingFile(PYTHON_DIRECTORY.resolve(".venv/.installed"), "google-genai", INSTALL_HINT));
  }

  public static void requireGo() {
    Toolchain.require("Go SDK", Toolchain.firstLineOf(List.of("go", "version")) == null
        ? "go is not on the PATH"
        : Toolchain.missingFile(GO_DIRECTORY.resolve("bin/.built"), "google.golang.org/genai", INSTALL_HINT));
  }

  /** {@code src/test/python/<script>} run by the venv's interpreter. */
  public static ClientProgram python(String script) {
    return new ClientProgram(List.of(PYTHON_DIRECTORY.resolve(".venv/bin/python").toString(), script), PYTHON_DIRECTORY);
  }

  /** A Go program prebuilt into {@code src/test/go/bin}. */
  public static ClientProgram go(String program) {
    return new ClientProgram(List.of(GO_DIRECTORY.resolve("bin").resolve(program).toString()), GO_DIRECTORY);
  }
}
