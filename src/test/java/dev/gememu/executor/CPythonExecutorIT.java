package dev.gememu.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile snippets against the CPython executor (zygotes under bubblewrap): each ends contained,
 * and the very next benign request on the same pool still succeeds.
 */
class CPythonExecutorIT {
  static final Duration DEADLINE = Duration.ofSeconds(10);
  static PythonExecutor executor;

  @BeforeAll
  static void start() {
    ExecutionLimits limits = ExecutionLimits.defaults().withTimeout(DEADLINE).withMaxOutputBytes(100_000);
    FilesystemPolicy files = FilesystemPolicy.defaults();
    executor = new WorkerPoolExecutor(CPythonZygote.create(limits, files, 1), 1, 8, limits);
  }

  @AfterAll
  static void stop() {
    executor.close();
  }

  static ExecutionResult run(String code) {
    return executor.execute(ExecutionRequest.of(code));
  }

  static void assertStillServing() {
    ExecutionResult benign = run("import numpy as np\nprint(int(np.arange(10).sum()))");
    assertThat(benign.outcome()).as(benign.error()).isEqualTo(ExecutionOutcome.OK);
    assertThat(benign.stdout()).isEqualTo("45\n");
  }

  @Test
  void runsNumpyAndReportsTracebacksAsGeminiDoes() {
    assertStillServing();
    ExecutionResult failed = run("print('ok')\nprint(1/0)");

    assertThat(failed.outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(failed.stdout()).isEqualTo("ok\n");
    assertThat(failed.error()).isEqualTo("Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n"
        + "ZeroDivisionError: division by zero\n");
  }

  @Test
  void laysOutAChainedErrorAsTheGraalPyExecutorDoes() {
    ExecutionResult result = run(GraalPyExecutorIT.CHAINED_ERROR);

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(result.error()).isEqualTo(GraalPyExecutorIT.CHAINED_ERROR_TRACEBACK);
  }

  @Test
  void seesNoHostFilesAndStartsEachRunInAnEmptyWorkingDirectory() {
    run("open('left-behind.txt', 'w').write('x')");
    ExecutionResult result = run(String.join("\n",
        "import os",
        "print(os.getcwd(), os.listdir('.'))",
        "print([p for p in ('/work', '/home', '/etc/passwd', '/root/.m2', '/var') if os.path.exists(p)])"));

    assertThat(result.stdout()).isEqualTo("/root []\n[]\n");
    ExecutionResult passwd = run("print(open('/etc/passwd').read())");
    assertThat(passwd.outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(passwd.error()).contains("FileNotFoundError");
    assertStillServing();
  }

  @Test
  void leavesNothingForTheNextRunOutsideItsOwnDirectories() {
    String places = "('/', '/opt', '/dev', '/dev/shm', '/tmp', '/root')";
    ExecutionResult writer = run(String.join("\n",
        "import os",
        "for place in " + places + ":",
        "    try:",
        "        open(os.path.join(place, 'left-behind'), 'w').write('x')",
        "    except OSError as e:",
        "        print(place, e.strerror)"));
    ExecutionResult reader = run(String.join("\n",
        "import os",
        "print([p for p in " + places + " if os.path.exists(os.path.join(p, 'left-behind'))])"));

    assertThat(writer.stdout()).as(writer.error())
        .isEqualTo("/ Read-only file system\n/opt Read-only file system\n/dev Read-only file system\n");
    assertThat(reader.stdout()).as(reader.error()).isEqualTo("[]\n");
  }

  @Test
  void seesOnlyTheSandboxsProcessesNotTheHosts() {
    ExecutionResult result = run(String.join("\n",
        "import os",
        "pids = [p for p in os.listdir('/proc') if p.isdigit()]",
        "print(len(pids) < 10, 'bwrap' in open('/proc/1/cmdline').read())"));

    assertThat(result.stdout()).as(result.error()).isEqualTo("True True\n");
  }

  @Test
  void getsNoneOfTheHostsEnvironment() {
    ExecutionResult result = run("import os\nfor name, value in sorted(os.environ.items()):\n    print(f'{name}={value}')");

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.OK);
    Set<String> seen = Set.of(result.stdout().split("\n"));
    Set<String> ours = Set.of("HOME=/root", "USER=root", "LOGNAME=root", "LANG=C.UTF-8", "PWD=/root");
    System.getenv().forEach((name, value) -> {
      if (!ours.contains(name + "=" + value)) {
        assertThat(seen).as("host variable " + name).doesNotContain(name + "=" + value);
      }
    });
    assertThat(seen).anyMatch(ours::contains).noneMatch(line -> line.startsWith("JAVA_HOME=") || line.startsWith("MAVEN"));
  }

  @Test
  void reachesNoNetworkNotEvenTheHostsLoopback() throws IOException {
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ExecutionResult result = run(String.join("\n",
          "import socket",
          "socket.create_connection(('127.0.0.1', " + listening.getLocalPort() + "), timeout=3)"));

      assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
      assertThat(result.error()).contains("Network is unreachable");
    }
    assertStillServing();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "import os\nwhile True:\n    os.fork()",
      "x = bytearray(16 << 30)",
      "x = []\nwhile True:\n    x.append(bytearray(50 << 20))",
      "open('big.bin', 'wb').write(b'x' * (200 << 20))",
      "open('/tmp/big.bin', 'wb').write(b'x' * (200 << 20))",
      "import ctypes\nctypes.string_at(0)",
      "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)",
      "import os, signal\nos.kill(0, signal.SIGKILL)",
      "import os, signal\nos.kill(-1, signal.SIGKILL)",
      "import os, signal\nos.killpg(os.getpgid(0), signal.SIGKILL)",
  })
  void containsHostileSnippets(String hostile) {
    ExecutionResult result = run(hostile);

    assertThat(result.outcome()).isIn(ExecutionOutcome.FAILED, ExecutionOutcome.DEADLINE_EXCEEDED, ExecutionOutcome.OK);
    assertStillServing();
  }

  @Test
  void aSeccompFilterDeniesNewNamespacesAndTracingButNotProcesses() {
    ExecutionResult result = run(String.join("\n",
        "import ctypes, subprocess",
        "libc = ctypes.CDLL(None, use_errno=True)",
        "print(libc.unshare(0x10000000), ctypes.get_errno())",
        "print(libc.ptrace(16, 1, 0, 0), ctypes.get_errno())",
        "print(subprocess.run(['echo', 'child'], capture_output=True, text=True).stdout)"));

    assertThat(result.stdout()).as(result.error()).isEqualTo("-1 1\n-1 1\nchild\n\n");
  }

  @Test
  void stopsAnUnstoppableCLoopAtTheDeadlineWithTheOutputSoFar() {
    ExecutionResult result = run(String.join("\n",
        "import numpy as np",
        "print('started', flush=True)",
        "np.linalg.matrix_power(np.random.rand(3000, 3000), 10**6)"));

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.DEADLINE_EXCEEDED);
    assertThat(result.stdout()).isEqualTo("started\n");
    assertStillServing();
  }

  @Test
  void stopsASleepPastTheDeadline() {
    ExecutionResult result = run("import time\nprint('started', flush=True)\ntime.sleep(600)");

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.DEADLINE_EXCEEDED);
    assertThat(result.stdout()).isEqualTo("started\n");
    assertStillServing();
  }

  @Test
  void returnsFiguresAndShownImagesAsPngsInOrder() {
    ExecutionResult result = run(String.join("\n",
        "import matplotlib.pyplot as plt",
        "from PIL import Image",
        "plt.plot([1, 2, 3])",
        "plt.savefig('chart.png')",
        "plt.show()",
        "Image.new('RGB', (7, 5)).show()",
        "print('drawn')"));

    assertThat(result.outcome()).as(result.error()).isEqualTo(ExecutionOutcome.OK);
    assertThat(result.files()).hasSize(3).allSatisfy(file -> assertThat(file.mimeType()).isEqualTo("image/png"));
    assertThat(result.files().get(2).bytes()).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void reportsTheOutputAndErrorOfASnippetThatClosedItsOwnStdoutAndStderr() {
    ExecutionResult result = run("import os\nprint('before', flush=True)\nos.close(1)\nos.close(2)\nraise ValueError('after')");

    assertThat(result.outcome()).isEqualTo(ExecutionOutcome.FAILED);
    assertThat(result.stdout()).isEqualTo("before\n");
    assertThat(result.error()).endsWith("ValueError: after\n");
    assertStillServing();
  }

  @Test
  void threadsSignalsAndChildProcessesWorkAsAfterAnOrdinaryFork() {
    ExecutionResult result = run(String.join("\n",
        "import multiprocessing, os, signal, subprocess, sys, threading",
        "main, failed = threading.main_thread().ident, []",
        "def worker():",
        "    try:",
        "        signal.pthread_kill(main, 0)  # glibc signals the main thread by the TID it recorded for it",
        "    except OSError as error:",
        "        failed.append(error)",
        "for _ in range(3):  # so that no live thread has the zygote's TID, had glibc kept that one",
        "    worker_thread = threading.Thread(target=worker)",
        "    worker_thread.start()",
        "    worker_thread.join()",
        "print(failed)",
        "with multiprocessing.Pool(2) as pool:",
        "    print(pool.map(abs, [-1, -2, -3]))",
        "print(subprocess.run([sys.executable, '-c', 'print(6 * 7)'], capture_output=True, text=True).stdout.strip())",
        "print(os.getpid(), threading.get_native_id())"));

    assertThat(result.outcome()).as(result.error()).isEqualTo(ExecutionOutcome.OK);
    assertThat(result.stdout()).isEqualTo("[]\n[1, 2, 3]\n42\n1 1\n");
  }

  @Test
  void placesInputFilesInTheWorkingDirectory() {
    ExecutionResult result = executor.execute(new ExecutionRequest(String.join("\n",
        "import os, pandas as pd",
        "print(os.listdir('.'), pd.read_csv('input_file_0.csv')['b'].sum())"),
        Map.of("input_file_0.csv", "a,b\n1,2\n3,4\n".getBytes())));

    assertThat(result.stdout()).as(result.error()).isEqualTo("['input_file_0.csv'] 6\n");
  }
}
