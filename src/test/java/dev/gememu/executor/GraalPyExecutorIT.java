package dev.gememu.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The in-process executor denies the host to snippets and keeps working after each attempt. */
class GraalPyExecutorIT {
  static GraalPyExecutor executor;

  @BeforeAll
  static void start() {
    executor = new GraalPyExecutor(ExecutionLimits.defaults().withTimeout(Duration.ofSeconds(15))
        .withMaxOutputBytes(10_000));
  }

  @AfterAll
  static void stop() {
    executor.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "print(open('/etc/passwd').read())",
      "import os\nprint(os.listdir('/home'))",
      "open('/usr/lib/python3/dist-packages/planted.py', 'w').write('x = 1')",
      "import socket\ns = socket.socket()\ns.connect(('127.0.0.1', 22))",
      "import urllib.request\nprint(urllib.request.urlopen('http://127.0.0.1:1').read())",
      "import subprocess\nprint(subprocess.run(['id'], capture_output=True).stdout)",
      "import os\nprint(os.system('id'))",
      "import java\nprint(java.type('java.lang.System').getProperty('user.home'))",
      "import polyglot\nprint(polyglot.eval(language='js', string='1+1'))",
      "import threading\nt = threading.Thread(target=print, args=('x',))\nt.start()\nt.join()",
      "import ctypes\nprint(ctypes.CDLL(None))",
  })
  void deniesHostAccess(String hostile) {
    ExecutionResult result = run(executor, hostile);

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(result.stdout()).doesNotContain("root:").doesNotContain("uid=");
    assertThat(result.error()).as("reads as a Python error, nothing of the host")
        .containsPattern("(?m)^[A-Za-z]+(Error|Exception)\\b")
        .doesNotContain("java.lang.SecurityException", "java.lang.IllegalStateException", "com.oracle", "snippet_runner",
            "org.graalvm", System.getProperty("user.home") + "/.cache");
    assertThat(run(executor, "print('still fine')").stdout()).isEqualTo("still fine\n");
  }

  @Test
  void writesGoToTheRunsOwnInMemoryFilesystem() {
    String marker = "gememu-escape-" + java.util.UUID.randomUUID() + ".txt";
    ExecutionResult result = run(executor, 
        "import os\nwith open('/tmp/" + marker + "', 'w') as f:\n    f.write('x')\nprint(sorted(os.listdir('/')))");

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.OK);
    assertThat(result.stdout()).isEqualTo("['root', 'tmp', 'usr']\n");
    assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp", marker))).isFalse();
  }

  @Test
  void hostEnvironmentVariablesAreInvisible() {
    ExecutionResult result = run(executor, "import os\nprint(sorted(os.environ))");

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.OK);
    assertThat(result.stdout()).isEqualTo("[]\n");
  }

  @Test
  void capsAnOutputFloodEvenWhenTheSnippetIgnoresTheError() {
    ExecutionResult result = run(executor, 
        "while True:\n    try:\n        print('x' * 1000)\n    except OSError:\n        pass");

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(result.stdout().length()).isLessThanOrEqualTo(10_000);
    assertThat(result.error()).contains("Output limit of 10000 bytes");
  }

  @Test
  void aFileWrittenWithoutCloseReadsBackAsInCPython() {
    ExecutionResult result = run(executor, 
        "open('notes.txt', 'w').write('hello')\nprint(open('notes.txt').read())");

    assertThat(result.stdout()).isEqualTo("hello\n");
  }

  /** A chained error raised in a function: both executors must lay it out as Gemini's sandbox (CPython) does. */
  static final String CHAINED_ERROR = String.join("\n",
      "def inner():",
      "    raise KeyError('k')",
      "try:",
      "    inner()",
      "except KeyError as e:",
      "    raise ValueError('v') from e");
  static final String CHAINED_ERROR_TRACEBACK = String.join("\n",
      "Traceback (most recent call last):",
      "  File \"<string>\", line 4, in <module>",
      "  File \"<string>\", line 2, in inner",
      "KeyError: 'k'",
      "",
      "The above exception was the direct cause of the following exception:",
      "",
      "Traceback (most recent call last):",
      "  File \"<string>\", line 6, in <module>",
      "ValueError: v",
      "");

  @Test
  void laysOutAChainedErrorAsCPythonDoes() {
    ExecutionResult result = run(executor, CHAINED_ERROR);

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(result.error()).isEqualTo(CHAINED_ERROR_TRACEBACK);
  }

  @Test
  void reportsASyntaxErrorLikeCPython() {
    ExecutionResult result = run(executor, "print('a'");

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(result.error()).startsWith("  File \"<string>\", line 1").contains("SyntaxError");
  }

  @Test
  void treatsSysExitZeroAsSuccess() {
    ExecutionResult result = run(executor, "print('bye')\nimport sys\nsys.exit(0)");

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.OK);
    assertThat(result.stdout()).isEqualTo("bye\n");
  }

  static ExecutionResult run(PythonExecutor executor, String code) {
    return executor.execute(ExecutionRequest.of(code));
  }
}
