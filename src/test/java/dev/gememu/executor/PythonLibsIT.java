package dev.gememu.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages bin/fetch-python-libs installs from graalpy/requirements.txt import and work under
 * GraalPy's sandbox, read-only at /usr/lib/python3/dist-packages.
 */
class PythonLibsIT {
  private static final Path PYTHON_LIBS = Path.of("python-libs");
  static GraalPyExecutor executor;

  @BeforeAll
  static void start() {
    assertThat(PYTHON_LIBS.resolve(".requirements.sha256")).as("python-libs/ is filled by make python-libs").exists();
    executor = new GraalPyExecutor(ExecutionLimits.defaults().withTimeout(Duration.ofMinutes(5)),
        FilesystemPolicy.defaults().withPythonLibs(PYTHON_LIBS));
  }

  @AfterAll
  static void stop() {
    executor.close();
  }

  @Test
  void sympyAndMpmathSolveAndPrint() {
    ExecutionResult result = run("""
        import sympy, mpmath
        x = sympy.symbols('x')
        print(sympy.solve(x**2 - 4, x), sympy.integrate(x**2, x))
        mpmath.mp.dps = 20
        print(mpmath.sqrt(2))
        print(sympy.__file__)""");

    assertThat(result.error()).isNull();
    assertThat(result.stdout()).isEqualTo("[-2, 2] x**3/3\n1.4142135623730950488\n"
        + "/usr/lib/python3/dist-packages/sympy/__init__.py\n");
  }

  @Test
  void theSmallerPackagesImportAndWork() {
    String code = """
        import datetime, io
        from tabulate import tabulate
        from dateutil import parser, relativedelta
        import six, attrs, packaging.version, pyparsing, toolz, tlz, xlrd, striprtf.striprtf
        from google.protobuf import descriptor_pb2
        print(tabulate([[1, 'a']], headers=['n', 's'], tablefmt='plain'))
        print(parser.parse('2024-02-29') + relativedelta.relativedelta(years=1))
        print(six.PY3, attrs.define is not None, packaging.version.Version('1.10') > packaging.version.Version('1.9'))
        print(pyparsing.Word(pyparsing.nums).parse_string('42')[0], toolz.frequencies('aab'))
        print(xlrd.colname(27))
        print(striprtf.striprtf.rtf_to_text(r'{\\rtf1 hello}'), descriptor_pb2.FileDescriptorProto(name='x').name)""";

    ExecutionResult result = run(code);

    assertThat(result.error()).isNull();
    assertThat(result.stdout()).isEqualTo("  n  s\n  1  a\n2025-02-28 00:00:00\nTrue True True\n42 {'a': 2, 'b': 1}\nAB\n"
        + "hello x\n");
  }

  private static ExecutionResult run(String code) {
    return executor.execute(ExecutionRequest.of(code));
  }
}
