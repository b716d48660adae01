package dev.gememu.cli;

import dev.gememu.fixtures.FixtureDirectories;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.InvalidFixtureException;
import dev.gememu.fixtures.LoadProblem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gememu lint}: loads fixture files exactly as the server would and prints every problem as
 * {@code path:line:column: message}. Exit code 0 when all load, 1 when any does not.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Check fixture files (directories are read recursively, as --fixtures reads them).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every fixture loads", "1:some file has a problem", "2:wrong usage"})
final class LintCommand implements Callable<Integer> {
  static final int PROBLEMS = 1;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Fixture directories or files.")
  List<Path> paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    FixtureLoader loader = new FixtureLoader();
    List<LoadProblem> problems = new ArrayList<>();
    int loaded = 0;
    for (Path path : paths) {
      if (Files.isRegularFile(path)) {
        try {
          loader.read(path, path.toString(), "file");
          loaded++;
        } catch (InvalidFixtureException e) {
          problems.add(e.problem());
        }
      } else {
        FixtureDirectories.Scan scan = new FixtureDirectories(List.of(path), loader).scan();
        loaded += scan.fixtures().size();
        problems.addAll(scan.problems());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    problems.forEach(out::println);
    out.println(loaded + " fixture(s) OK, " + problems.size() + " problem(s)");
    out.flush();
    return problems.isEmpty() ? 0 : PROBLEMS;
  }
}
