package dev.gememu.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.gememu.FixtureBuilder;
import dev.gememu.Gememu;
import dev.gememu.executor.ExecutionRequest;
import dev.gememu.executor.ExecutionResult;
import dev.gememu.executor.PythonExecutor;
import dev.gememu.testing.FakeExecutor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The server's own CPU per request, code request (an inline {@code ```python} prompt) against a
 * playback request (a fixture's text), over one keep-alive connection, one request at a time.
 * {@code fake}: an embedded gememu whose executor answers at once, measured in this JVM as the
 * process's CPU minus the client thread's, so only the server's work counts (Jetty, parsing,
 * matching, the journal, JSON, JIT and GC). {@code cpython}: {@code bin/gememu --executor cpython}
 * in its own process, measured from its {@code /proc/PID/stat} without its zygotes. Not a test.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * dev.gememu.bench.ServerCpu fake|cpython [requests] [rounds]}, or {@code attach PORT PID [requests] [rounds]}
 * for a server started by hand with {@code --fixtures} holding the bench fixture (see
 * {@link Playback#fixtureDirectory}). Properties: {@code -DwarmUp=N} (N of each kind first,
 * {@code requests} by default), {@code -DcodeOnly=true}, {@code -DbyThread=true} (fake: CPU per code
 * request by thread name), {@code -DpauseMillis=3} (fake: the executor sleeps, or with
 * {@code -Dspin=true} busy-waits, that long, as a real snippet keeps the request thread waiting).
 * See README, Performance, "Server CPU per code request".
 */
public final class ServerCpu {
  private static final String PATH = "/v1beta/models/gemini-2.5-flash:generateContent";
  private static final byte[] PLAYBACK = Playback.PROMPT.getBytes(StandardCharsets.UTF_8);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ServerCpu() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "fake";
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    byte[] code = Bench.codeBody(Bench.NUMPY);
    if ("attach".equals(mode)) {
      // attach PORT PID [requests] [rounds]: a server started by hand (with a profiler, say), serving the bench fixture.
      ProcessHandle process = ProcessHandle.of(Long.parseLong(args[2])).orElseThrow();
      try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", Integer.parseInt(args[1]))) {
        measure(client, code, args.length > 3 ? Integer.parseInt(args[3]) : 2_000, args.length > 4 ? Integer.parseInt(args[4]) : 3,
            () -> ProcessCpu.ownMicros(process) * 1000);
      }
      return;
    }
    if ("cpython".equals(mode)) {
      Path root = Path.of("").toAbsolutePath();
      try (Bench.Server server = Bench.Server.start(root, List.of("--timeout", "10s", "--executor", "cpython",
          "--fixtures", Playback.fixtureDirectory().toString()));
          KeepAliveClient client = new KeepAliveClient("127.0.0.1", server.port())) {
        ProcessHandle process = server.handle();
        measure(client, code, requests, rounds, () -> ProcessCpu.ownMicros(process) * 1000);
      }
      return;
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long pauseMillis = Long.getLong("pauseMillis", 0);
    PythonExecutor fake = new FakeExecutor();
    PythonExecutor executor = pauseMillis == 0 ? fake : new PythonExecutor() {
      @Override
      public ExecutionResult execute(ExecutionRequest request) {
        if (Boolean.getBoolean("spin")) {
          long until = System.nanoTime() + pauseMillis * 1_000_000;
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
        } else {
          try {
            Thread.sleep(pauseMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return fake.execute(request);
      }

      @Override
      public String describe() {
        return "fake executor that sleeps " + pauseMillis + " ms";
      }

      @Override
      public void close() {}
    };
    try (Gememu gememu = Gememu.builder().executor(executor)
        .fixture(FixtureBuilder.named("bench").lastUserTextContains("Describe the bench fixture.")
            .text("The bench fixture answers with plain text and runs no code. ".repeat(20).trim()))
        .start();
        KeepAliveClient client = new KeepAliveClient("127.0.0.1", gememu.port())) {
      measure(client, code, requests, rounds, () -> os.getProcessCpuTime() - THREADS.getCurrentThreadCpuTime());
      if (Boolean.getBoolean("byThread")) {
        byThread(client, code, requests);
      }
    }
  }

  private interface CpuClock {
    double nanos() throws Exception;
  }

  private static void measure(KeepAliveClient client, byte[] code, int requests, int rounds, CpuClock cpu)
      throws Exception {
    int warmUp = Integer.getInteger("warmUp", requests);
    for (int i = 0; i < warmUp; i++) {
      send(client, code);
      send(client, PLAYBACK);
    }
    for (int round = 1; round <= rounds; round++) {
      double codeMicros = perRequest(client, code, requests, cpu);
      double playbackMicros = Boolean.getBoolean("codeOnly") ? 0 : perRequest(client, PLAYBACK, requests, cpu);
      System.out.printf(Locale.ROOT, "round %d: server CPU per request, code %.0f us, playback %.0f us (%d each)%n",
          round, codeMicros, playbackMicros, requests);
    }
  }

  /** The server's threads' CPU per code request, by thread name (digits dropped), from /proc/self/task. */
  private static void byThread(KeepAliveClient client, byte[] code, int requests) throws Exception {
    java.util.Map<String, Long> before = threadTicks();
    for (int i = 0; i < requests; i++) {
      send(client, code);
    }
    java.util.Map<String, Long> after = threadTicks();
    after.forEach((name, ticks) -> {
      long delta = ticks - before.getOrDefault(name, 0L);
      if (delta > 0) {
        System.out.printf(Locale.ROOT, "  %-20s %6.0f us per code request%n", name, delta * 10_000.0 / requests);
      }
    });
  }

  private static java.util.Map<String, Long> threadTicks() throws Exception {
    java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = java.nio.file.Files.readString(task.resolve("stat"));
          String name = java.nio.file.Files.readString(task.resolve("comm")).strip().replaceAll("[-0-9]+$", "");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        } catch (java.io.IOException gone) {
          // The thread ended meanwhile.
        }
      }
    }
    return ticks;
  }

  private static double perRequest(KeepAliveClient client, byte[] body, int requests, CpuClock cpu) throws Exception {
    double before = cpu.nanos();
    for (int i = 0; i < requests; i++) {
      send(client, body);
    }
    return (cpu.nanos() - before) / requests / 1000;
  }

  private static void send(KeepAliveClient client, byte[] body) throws Exception {
    KeepAliveClient.Response response = client.post(PATH, body);
    if (response.status() != 200) {
      throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
    }
  }
}
