package dev.gememu.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RoutingExecutorTest {
  private final List<String> ranOn = new ArrayList<>();

  @Test
  void autoSendsOnlyCodeImportingACPythonOnlyModuleToCPython() {
    RoutingExecutor executor = routing(Interpreter.AUTO, null);

    assertThat(executor.execute(ExecutionRequest.of("import math\nprint(math.pi)")).ranOn()).isEqualTo(Interpreter.GRAALPY);
    assertThat(executor.execute(ExecutionRequest.of("import numpy as np")).ranOn()).isEqualTo(Interpreter.CPYTHON);
    assertThat(executor.execute(ExecutionRequest.of("# import numpy\nprint('numpy')")).ranOn()).isEqualTo(Interpreter.GRAALPY);
    assertThat(ranOn).containsExactly("graalpy", "cpython", "graalpy");
  }

  @Test
  void aRequestsOwnChoiceOverridesTheServers() {
    RoutingExecutor executor = routing(Interpreter.GRAALPY, null);

    ExecutionResult result = executor.execute(ExecutionRequest.of("print(1)").withInterpreter(Interpreter.CPYTHON));

    assertThat(result.ranOn()).isEqualTo(Interpreter.CPYTHON);
  }

  @Test
  void autoWithoutCPythonRunsGraalPyAndSaysHowToGetTheLibraries() {
    RoutingExecutor executor = routing(Interpreter.AUTO, "bubblewrap (bwrap) is not installed");

    ExecutionResult result = executor.execute(ExecutionRequest.of("import numpy"));

    assertThat(result.ranOn()).isEqualTo(Interpreter.GRAALPY);
    assertThat(result.error()).startsWith("Traceback").contains("ModuleNotFoundError: No module named 'numpy'")
        .contains("needs the CPython executor").contains("bubblewrap (bwrap) is not installed")
        .contains("apt-get install bubblewrap");
  }

  @Test
  void graalPyChosenSaysWhichExecutorHasTheModule() {
    RoutingExecutor executor = routing(Interpreter.GRAALPY, null);

    String error = executor.execute(ExecutionRequest.of("import numpy")).error();

    assertThat(error).contains("GraalPy cannot import 'numpy'").contains("--executor auto (the default) or --executor cpython");
  }

  @Test
  void autoSaysHowToReachCPythonForAnImportItCouldNotSee() {
    RoutingExecutor executor = routing(Interpreter.AUTO, null);

    ExecutionResult result = executor.execute(ExecutionRequest.of("import importlib\nname = 'num' + 'py'\nimportlib.import_module(name)"));

    assertThat(result.ranOn()).isEqualTo(Interpreter.GRAALPY);
    assertThat(result.error()).contains("GraalPy cannot import 'numpy'").contains("with an import statement")
        .contains("executor: cpython");
  }

  @Test
  void aModuleNeitherExecutorHasGetsNoNote() {
    RoutingExecutor executor = routing(Interpreter.AUTO, null);

    String error = executor.execute(ExecutionRequest.of("import nosuchthing")).error();

    assertThat(error).endsWith("ModuleNotFoundError: No module named 'nosuchthing'\n").doesNotContain("[gememu]");
  }

  private RoutingExecutor routing(Interpreter mode, String cpythonMissing) {
    return new RoutingExecutor(mode, () -> fake("graalpy", code -> missing(code)),
        () -> fake("cpython", code -> ExecutionResult.ok("", "", Duration.ZERO)), Set.of("numpy", "pandas"),
        cpythonMissing);
  }

  private static ExecutionResult missing(String code) {
    for (String module : List.of("numpy", "nosuchthing")) {
      if (code.contains(module.substring(0, 3))) {
        return ExecutionResult.failed("", "", "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"
            + "ModuleNotFoundError: No module named '" + module + "'\n", Duration.ZERO);
      }
    }
    return ExecutionResult.ok("", "", Duration.ZERO);
  }

  private PythonExecutor fake(String name, Function<String, ExecutionResult> behaviour) {
    return new PythonExecutor() {
      @Override
      public ExecutionResult execute(ExecutionRequest request) {
        ranOn.add(name);
        return behaviour.apply(request.code());
      }

      @Override
      public String describe() {
        return name;
      }

      @Override
      public void close() {}
    };
  }
}
