package dev.gememu.executor;

import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each snippet on GraalPy or CPython: the request's choice (a fixture's {@code executor:}),
 * else the server's. In {@code auto}, CPython runs exactly the snippets that import a module only
 * CPython has. Each pool starts on first use unless it is the server's choice, so a server that
 * never meets numpy never starts a zygote.
 */
final class RoutingExecutor implements PythonExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(RoutingExecutor.class);
  private static final Pattern MISSING_MODULE = Pattern.compile("ModuleNotFoundError: No module named '([^'.]+)");

  private final Interpreter mode;
  private final Lazy graalPy;
  private final Lazy cpython;
  private final Set<String> cpythonOnly;
  private final String cpythonMissing;

  /**
   * @param cpythonOnly top-level modules CPython can import and GraalPy cannot
   * @param cpythonMissing why CPython cannot run here, or null when it can
   */
  RoutingExecutor(Interpreter mode, Supplier<PythonExecutor> graalPy, Supplier<PythonExecutor> cpython,
      Set<String> cpythonOnly, String cpythonMissing) {
    this.mode = mode;
    this.graalPy = new Lazy(graalPy);
    this.cpython = new Lazy(cpython);
    this.cpythonOnly = Set.copyOf(cpythonOnly);
    this.cpythonMissing = cpythonMissing;
    if (mode == Interpreter.CPYTHON) {
      this.cpython.get();
    } else {
      this.graalPy.get();
    }
  }

  @Override
  public ExecutionResult execute(ExecutionRequest request) {
    Interpreter wanted = wanted(request);
    Interpreter chosen = choose(request);
    if (chosen == Interpreter.CPYTHON) {
      return cpython.get().execute(request).withRanOn(Interpreter.CPYTHON);
    }
    return withLibraryHint(graalPy.get().execute(request), wanted).withRanOn(Interpreter.GRAALPY);
  }

  private Interpreter wanted(ExecutionRequest request) {
    return request.interpreter() != null ? request.interpreter() : mode;
  }

  Interpreter choose(ExecutionRequest request) {
    Interpreter wanted = wanted(request);
    if (wanted == Interpreter.AUTO) {
      boolean needsCPython = ImportScanner.topLevelModules(request.code()).stream().anyMatch(cpythonOnly::contains);
      return needsCPython && cpythonMissing == null ? Interpreter.CPYTHON : Interpreter.GRAALPY;
    }
    if (wanted == Interpreter.CPYTHON && cpythonMissing != null) {
      LOG.warn("a snippet asks for CPython, which cannot run here ({}); running it on GraalPy", cpythonMissing);
      return Interpreter.GRAALPY;
    }
    return wanted;
  }

  /**
   * A module GraalPy lacks gets a note saying where Gemini's full library set is, unless CPython
   * is here and lacks it too.
   */
  private ExecutionResult withLibraryHint(ExecutionResult result, Interpreter wanted) {
    Matcher missing = result.error() == null ? null : MISSING_MODULE.matcher(result.error());
    if (missing == null || !missing.find()) {
      return result;
    }
    String module = missing.group(1);
    String how;
    if (cpythonMissing != null) {
      how = "it cannot run here: " + cpythonMissing + "; " + CPythonZygote.INSTALL_HINT + ", then run with --executor auto";
    } else if (!cpythonOnly.contains(module)) {
      return result;
    } else if (wanted == Interpreter.AUTO) {
      how = "--executor auto sends code there when it imports '" + module + "' with an import statement (this code"
          + " imported it another way); or choose it with --executor cpython or a fixture's executor: cpython";
    } else {
      how = "run gememu with --executor auto (the default) or --executor cpython";
    }
    return result.withError(result.error() + "\n[gememu] GraalPy cannot import '" + module
        + "'. Gemini's full library set (numpy, pandas, matplotlib, scipy, scikit-learn, PIL, OpenCV, ...) needs"
        + " the CPython executor: " + how + ".\n");
  }

  @Override
  public String describe() {
    String cpythonState = cpythonMissing != null ? "CPython unavailable: " + cpythonMissing
        : cpython.started() ? cpython.get().describe() : "CPython zygotes start on first use";
    return "executor " + mode.label() + ": " + (graalPy.started() ? graalPy.get().describe() : "GraalPy on first use")
        + "; " + cpythonState;
  }

  @Override
  public void close() {
    graalPy.close();
    cpython.close();
  }

  /** An executor made on first use and closed once. */
  private static final class Lazy {
    private final Supplier<PythonExecutor> factory;
    private PythonExecutor made;

    Lazy(Supplier<PythonExecutor> factory) {
      this.factory = factory;
    }

    synchronized PythonExecutor get() {
      if (made == null) {
        made = factory.get();
      }
      return made;
    }

    synchronized boolean started() {
      return made != null;
    }

    synchronized void close() {
      if (made != null) {
        made.close();
      }
    }
  }
}
