package dev.gememu.executor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A measuring tool, not a test: starts one worker JVM as {@code bin/gememu} would (jars, AOT cache,
 * same flags, less those matching the regex {@code -Dprobe.drop}, plus {@code -Dprobe.flags}), sends it the primes snippet back to back and prints, per
 * window of requests, the rate and the worker's CPU per request split by thread (from
 * /proc/PID/task/TID/stat: the context-making thread, the run thread, C2, C1, GC...).
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * -Dprobe.flags="-Xmn64m" dev.gememu.executor.WorkerCostProbe 600 100 [jit]}
 */
public final class WorkerCostProbe {
  static final String PRIMES = String.join("\n",
      "def is_prime(n):",
      "    if n < 2:",
      "        return False",
      "    for i in range(2, int(n ** 0.5) + 1):",
      "        if n % i == 0:",
      "            return False",
      "    return True",
      "",
      "primes = []",
      "num = 2",
      "while len(primes) < 50:",
      "    if is_prime(num):",
      "        primes.append(num)",
      "    num += 1",
      "",
      "assert len(primes) == 50",
      "print(sum(primes))",
      "");

  private WorkerCostProbe() {}

  public static void main(String[] args) throws Exception {
    int requests = Integer.parseInt(args[0]);
    int window = Integer.parseInt(args[1]);
    boolean jit = args.length > 2 && args[2].equals("jit");
    Path root = Path.of(".").toAbsolutePath().normalize();
    List<Path> classPath = new ArrayList<>();
    classPath.add(root.resolve("target/gememu.jar"));
    for (String entry : Files.readString(root.resolve("target/classpath.txt")).trim().split(":")) {
      if (entry.endsWith(".jar")) {
        classPath.add(Path.of(entry));
      }
    }
    WorkerRuntime detected = WorkerRuntime.detect();
    Path jdk25 = detected.jdk25();
    WorkerRuntime runtime = new WorkerRuntime(jdk25, 25, jdk25, classPath, detected.moduleJars(),
        WorkerRuntime.compilerIn(root.resolve("target/jit")), root.resolve("target/worker.aot"));
    ExecutorOptions options = ExecutorOptions.defaults().withJit(jit);
    List<String> command = new ArrayList<>(WorkerLauncher.of(options, ExecutionLimits.defaults(), runtime, null).command());
    String dropped = System.getProperty("probe.drop", "");
    if (!dropped.isEmpty()) {
      command.removeIf(flag -> flag.matches(dropped));
    }
    String extra = System.getProperty("probe.flags", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(1, Arrays.asList(extra.split(" +")));
    }
    System.out.println(command.stream().filter(flag -> !flag.contains(".jar")).toList());
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    DataOutputStream toWorker = new DataOutputStream(process.getOutputStream());
    DataInputStream fromWorker = new DataInputStream(process.getInputStream());
    long startNanos = System.nanoTime();
    System.out.println("ready: " + WorkerProtocol.readReady(fromWorker) + " after "
        + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
    ExecutionRequest request = ExecutionRequest.of(PRIMES);
    Map<String, Long> before = threadTicks(process.pid());
    long windowStart = System.nanoTime();
    List<Long> latencies = new ArrayList<>();
    for (int i = 1; i <= requests; i++) {
      long sent = System.nanoTime();
      WorkerProtocol.writeRequest(toWorker, request);
      WorkerProtocol.Reply reply = WorkerProtocol.readReply(fromWorker);
      latencies.add(System.nanoTime() - sent);
      if (!reply.result().stdout().equals("5117\n")) {
        throw new IllegalStateException("unexpected result: " + reply.result());
      }
      if (i % window == 0) {
        Map<String, Long> now = threadTicks(process.pid());
        double seconds = (System.nanoTime() - windowStart) / 1e9;
        latencies.sort(null);
        long total = 0;
        StringBuilder split = new StringBuilder();
        for (Map.Entry<String, Long> thread : now.entrySet()) {
          long used = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
          total += used;
          if (used * 10.0 / window >= 0.5) {
            split.append(String.format(" %s=%.1f", thread.getKey(), used * 10.0 / window));
          }
        }
        System.out.printf("requests %4d: %.1f req/s, p50 %.1f ms, worker CPU %.1f ms/req [%s ]%n", i,
            window / seconds, latencies.get(latencies.size() / 2) / 1e6, total * 10.0 / window, split);
        before = now;
        latencies.clear();
        windowStart = System.nanoTime();
      }
    }
    process.getOutputStream().close();
    process.destroy();
  }

  /** Clock ticks of each thread of the process, summed by thread name (digits dropped). */
  private static Map<String, Long> threadTicks(long pid) throws IOException {
    Map<String, Long> ticks = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        } catch (IOException | RuntimeException gone) {
          // The thread ended meanwhile.
        }
      }
    }
    // Ended threads' CPU stays in the process total: keep it visible under "(ended)".
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long process = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    ticks.put("(ended)", process - ticks.values().stream().mapToLong(Long::longValue).sum());
    return ticks;
  }
}
