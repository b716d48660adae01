package dev.gememu.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ToolchainTest {
  @Test
  void aPresentToolchainLetsTheTestsRun() {
    assertThatCode(() -> Toolchain.require("Go SDK", null, true)).doesNotThrowAnyException();
  }

  @Test
  void aMissingToolchainSkipsOnADevelopersMachineAndFailsUnderCi() {
    assertThatThrownBy(() -> Toolchain.require("Go SDK", "go is not on the PATH", false))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("The Go SDK tests cannot run: go is not on the PATH");
    assertThatThrownBy(() -> Toolchain.require("Go SDK", "go is not on the PATH", true))
        .isInstanceOf(AssertionError.class).hasMessageContaining("CI=true");
  }

  @Test
  void aProgramThatCannotRunOrAMissingInstallIsAProblem() {
    assertThat(Toolchain.firstLineOf(List.of("no-such-binary-gememu"))).isNull();
    assertThat(Toolchain.missingFile(Path.of("no/such/.installed"), "google-genai", "run make test"))
        .isEqualTo("google-genai is not installed (no/such/.installed is missing): run make test");
    assertThat(Toolchain.missingFile(Path.of("."), "x", "y")).isNull();
  }
}
