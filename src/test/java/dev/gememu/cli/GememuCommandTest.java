package dev.gememu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GememuCommandTest {
  private final StringWriter out = new StringWriter();
  private final List<Object> served = new ArrayList<>();

  private int run(String... args) {
    CommandLine commandLine = GememuCommand.commandLine(config -> {
      served.add(config);
      throw new IllegalStateException("not started in this test");
    }, null);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(out, true));
    return commandLine.execute(args);
  }

  @Test
  void lintAcceptsGoodFixturesWithExitCodeZero(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ok.yaml"), "match:\n  lastUserText: {contains: hi}\nreply:\n  - text: hello\n");

    assertThat(run("lint", dir.toString())).isZero();
    assertThat(out.toString()).contains("1 fixture(s) OK, 0 problem(s)");
  }

  @Test
  void lintNamesEveryBrokenFileWithItsLineAndExitsWithOne(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("good.yaml"), "reply:\n  - text: fine\n");
    Files.writeString(dir.resolve("typo.yaml"), "match:\n  lastUserTxt: hi\nreply:\n  - text: x\n");
    Path nested = Files.createDirectories(dir.resolve("more"));
    Files.writeString(nested.resolve("two-kinds.yaml"), "reply:\n  - text: a\n    code: print(1)\n");

    assertThat(run("lint", dir.toString())).isEqualTo(LintCommand.PROBLEMS);
    assertThat(out.toString())
        .contains(dir.resolve("typo.yaml") + ":2")
        .contains("unknown field \"lastUserTxt\"")
        .contains(nested.resolve("two-kinds.yaml") + ":")
        .contains("exactly one of text, thought, code")
        .contains("1 fixture(s) OK, 2 problem(s)");
  }

  @Test
  void lintTakesSingleFilesAndReportsMissingPaths(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("one.json"), "{\"reply\": [{\"text\": \"hi\"}]}");

    assertThat(run("lint", file.toString(), dir.resolve("absent").toString())).isEqualTo(LintCommand.PROBLEMS);
    assertThat(out.toString()).contains(dir.resolve("absent") + ": fixture directory does not exist")
        .contains("1 fixture(s) OK, 1 problem(s)");
  }

  @Test
  void lintWithoutAPathIsAUsageError() {
    assertThat(run("lint")).isEqualTo(2);
    assertThat(out.toString()).contains("Missing required parameter");
  }

  @Test
  void helpListsTheCommandsAndTheEnvironmentRule() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("serve", "lint", "verify", "--port", "GEMEMU_MAX_OUTPUT", "(default 127.0.0.1)");
    assertThat(served).isEmpty();
  }

  @Test
  void versionPrintsTheBuiltVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).matches("gememu \\d+\\.\\d+\\.\\d+.*\\s*");
  }

  @Test
  void verifyWithoutRecordReplaySaysItIsNotAvailable() {
    assertThat(run("verify", "fixtures")).isEqualTo(VerifyCommand.UNAVAILABLE);
  }
}
