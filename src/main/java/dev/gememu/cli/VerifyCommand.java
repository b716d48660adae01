package dev.gememu.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gememu verify}: re-runs recorded fixtures' code and reports drift from what was recorded. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Re-run the code of recorded fixtures and report where today's output differs.")
final class VerifyCommand implements Callable<Integer> {
  static final int UNAVAILABLE = 2;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Fixture directories.")
  List<Path> dirs;

  private final GememuCommand.Verification verification;

  VerifyCommand(GememuCommand.Verification verification) {
    this.verification = verification;
  }

  @Override
  public Integer call() {
    if (verification == null) {
      System.err.println("gememu verify is not available in this build (it comes with record/replay)");
      return UNAVAILABLE;
    }
    return verification.run(dirs, new PrintStream(System.out, true));
  }
}
