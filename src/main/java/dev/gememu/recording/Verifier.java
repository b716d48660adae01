package dev.gememu.recording;

import dev.gememu.api.Outcome;
import dev.gememu.executor.ExecutionLimits;
import dev.gememu.executor.ExecutorOptions;
import dev.gememu.executor.PythonExecutor;
import dev.gememu.fixtures.Answer;
import dev.gememu.fixtures.FixtureDirectories;
import dev.gememu.fixtures.FixtureLoader;
import dev.gememu.fixtures.LoadedFixture;
import dev.gememu.fixtures.ReplyStep;
import dev.gememu.model.ExecutedCode;
import dev.gememu.model.ModelInfo;
import dev.gememu.model.Reply;
import dev.gememu.model.TurnRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gememu verify DIR...}: runs every code step whose fixture states what it printed
 * ({@code expect}, which recordings always do) in the sandbox, and prints one row per step:
 * identical, drifted (with both outputs), or cannot run here (a module this executor lacks).
 * Exit code 0 when nothing drifted, 1 on drift, 2 when a fixture file cannot be read.
 */
public final class Verifier {
  public static final int OK = 0;
  public static final int DRIFT = 1;
  public static final int UNREADABLE = 2;
  private static final Pattern MISSING_MODULE = Pattern.compile("(ModuleNotFoundError|ImportError)[^\\n]*");

  private final TurnRunner runner;

  public Verifier(PythonExecutor executor) {
    this.runner = new TurnRunner(executor);
  }

  /** Verifies the directories with a default sandbox, started and stopped here. */
  public static int run(List<Path> dirs, PrintStream out) {
    return run(dirs, out, ExecutorOptions.defaults());
  }

  /** Verifies the directories with a sandbox of these options, started and stopped here. */
  public static int run(List<Path> dirs, PrintStream out, ExecutorOptions options) {
    try (PythonExecutor executor = options.create(ExecutionLimits.defaults())) {
      return new Verifier(executor).verify(dirs, out);
    }
  }

  public int verify(List<Path> dirs, PrintStream out) {
    FixtureDirectories.Scan scan = new FixtureDirectories(dirs, new FixtureLoader()).scan();
    scan.problems().forEach(problem -> out.println("cannot read: " + problem));
    int steps = 0;
    int drifted = 0;
    int skipped = 0;
    out.printf("%-40s %-10s %s%n", "FIXTURE", "STEP", "RESULT");
    for (LoadedFixture fixture : scan.fixtures()) {
      String model = fixture.fixture().match().model() == null ? "gemini-2.5-flash" : fixture.fixture().match().model();
      List<Answer> answers = fixture.fixture().answers();
      for (int a = 0; a < answers.size(); a++) {
        List<ReplyStep> reply = answers.get(a).reply() == null ? List.of() : answers.get(a).reply();
        int code = 0;
        for (ReplyStep step : reply) {
          if (step.code() == null) {
            continue;
          }
          code++;
          if (step.expect() == null || Boolean.TRUE.equals(step.deadline())) {
            continue;
          }
          steps++;
          String label = (answers.size() > 1 ? "answer " + (a + 1) + " " : "") + "code " + code;
          ExecutedCode run = runner.run(new Reply.Scripted(List.of(step.toStep()), "verify"),
              ModelInfo.forId(model.replace("*", "")), java.util.Map.of(), part -> { }).get(0);
          String result;
          if (!run.drifted()) {
            result = "identical";
          } else if (run.outcome() == Outcome.OUTCOME_FAILED && MISSING_MODULE.matcher(run.output()).find()
              && !MISSING_MODULE.matcher(step.expect()).find()) {
            skipped++;
            Matcher why = MISSING_MODULE.matcher(run.output());
            result = "cannot run here (" + (why.find() ? why.group() : "missing module") + ")";
          } else {
            drifted++;
            result = "drifted\n" + diff(step.expect(), run.output());
          }
          out.printf("%-40s %-10s %s%n", fixture.name(), label, result);
        }
      }
    }
    out.printf("%d code step(s): %d identical, %d drifted, %d cannot run here%n", steps, steps - drifted - skipped,
        drifted, skipped);
    return drifted > 0 ? DRIFT : scan.problems().isEmpty() ? OK : UNREADABLE;
  }

  private static String diff(String expected, String actual) {
    return "    - recorded: " + quote(expected) + "\n    + now:      " + quote(actual);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n") + "\"";
  }
}
