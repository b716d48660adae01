package dev.gememu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make bench}: starts real gememu servers on loopback and measures, side by side in one run,
 * request latency against a fresh CPython subprocess, CPU-heavy code against CPython, throughput
 * under concurrent load with hostile snippets mixed in, cold start and memory. Not a test.
 */
public final class Bench {
  static final String SMALL = String.join("\n",
      "primes = []",
      "n = 2",
      "while len(primes) < 50:",
      "    if all(n % p for p in primes):",
      "        primes.append(n)",
      "    n += 1",
      "print(sum(primes))");
  static final String HEAVY = String.join("\n",
      "primes = []",
      "for n in range(2, 300000):",
      "    prime = True",
      "    for p in primes:",
      "        if p * p > n:",
      "            break",
      "        if n % p == 0:",
      "            prime = False",
      "            break",
      "    if prime:",
      "        primes.append(n)",
      "print(len(primes))");
  static final String NUMPY = "import numpy as np\nprint(int(np.arange(1000).sum()))";
  static final String PANDAS_PLOT = String.join("\n",
      "import io",
      "import pandas as pd",
      "import matplotlib",
      "matplotlib.use('Agg')",
      "import matplotlib.pyplot as plt",
      "df = pd.DataFrame({'x': range(20), 'y': [i * i for i in range(20)]})",
      "print(df['y'].sum())",
      "df.plot(x='x', y='y')",
      "plt.savefig(io.BytesIO(), format='png')");
  /** Code requests before the first spaced numpy measurement, and before the warm one. */
  private static final int EARLY_CODE_REQUESTS = 300;
  private static final int WARM_CODE_REQUESTS = 3000;
  private static final Pattern FAULTS = Pattern.compile("faults (\\d+)");
  static final Map<String, String> HOSTILE = Map.of(
      "infinite loop", "while True:\n    pass",
      "unstoppable built-in", "print(sum(range(10**14)))",
      "memory bomb", "x = []\nwhile True:\n    x.append('a' * 10**6)",
      "output flood", "while True:\n    print('x' * 10000)",
      "os.system", "import os\nos.system('id')",
      "host file read", "print(open('/etc/passwd').read())");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Path root;

  private Bench(Path root) {
    this.root = root;
  }

  /** Arguments: the project root, then the sections to run ({@code playback}, {@code code}, {@code cpython}, {@code overload}: the part of {@code code} about overload); the first three when none are named. */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
    List<String> sections = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("playback", "code", "cpython");
    System.out.printf("gememu bench on %d cores (%s), %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch"), Files.readString(Path.of("/proc/loadavg")).trim() + " loadavg at start");
    if (sections.contains("playback")) {
      new Playback(root).run();
    }
    if (sections.contains("code")) {
      new Bench(root).run();
    }
    if (sections.contains("cpython")) {
      new Bench(root).cpython();
    }
    if (sections.contains("overload")) {
      new Bench(root).overloadOnly();
    }
  }

  /** The Java bin/gememu starts the server with (the newest JDK 25+ under /usr/lib/jvm), so baselines run on the same JVM. */
  static String serverJava() throws IOException {
    String configured = System.getenv("GEMEMU_JAVA");
    if (configured != null && !configured.isEmpty()) {
      return configured;
    }
    Path newest = null;
    int newestFeature = 24;
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (var homes = Files.list(jvms)) {
        for (Path home : homes.sorted().toList()) {
          int feature = feature(home.resolve("release"));
          if (feature > newestFeature && Files.isExecutable(home.resolve("bin/java"))) {
            newest = home.resolve("bin/java");
            newestFeature = feature;
          }
        }
      }
    }
    if (newest != null) {
      return newest.toString();
    }
    String home = System.getenv("JAVA_HOME");
    return home != null && Files.isExecutable(Path.of(home, "bin/java")) ? Path.of(home, "bin/java").toString() : "java";
  }

  private static int feature(Path release) {
    try {
      for (String line : Files.readAllLines(release)) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          String version = line.substring("JAVA_VERSION=\"".length());
          int end = 0;
          while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
          }
          return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return 0;
    }
    return 0;
  }

  /** The CPython executor against a cold python3 subprocess of the same venv running the same snippet. */
  private void cpython() throws Exception {
    Path venvPython = root.resolve(".venv-sandbox/bin/python3");
    System.out.println();
    System.out.println("== gememu --executor cpython (zygotes under bubblewrap)");
    if (!Files.isExecutable(venvPython)) {
      System.out.println("skipped: no .venv-sandbox (run make build)");
      return;
    }
    List<String> env = List.of("env", "MPLBACKEND=Agg", "OPENBLAS_NUM_THREADS=1");
    double numpyCold = median(times(15, () -> exec(concat(env, List.of(venvPython.toString(), "-c", NUMPY)))));
    double plotCold = median(times(5, () -> exec(concat(env, List.of(venvPython.toString(), "-c", PANDAS_PLOT)))));
    // Two references for the executor's figure: the snippet alone, exec'd again and again in one warm python3
    // (imports done, no isolation, no server; its first runs dropped), and the same in a fresh fork of it.
    double plotWarmExec = median(cpythonInProcess(venvPython.toString(), PANDAS_PLOT + "\nplt.close('all')", 25).subList(5, 25));
    List<double[]> plotForked = cpythonForked(venvPython.toString(), PANDAS_PLOT, 5, 20);
    try (Server server = Server.start(root, List.of("--timeout", "10s", "--executor", "cpython"));
        KeepAliveClient client = new KeepAliveClient("127.0.0.1", server.port())) {
      System.out.printf("cold start (process start -> first answer, zygotes ready): %.2f s%n", server.coldStartSeconds());
      // C2 compiles a code request's path only after thousands of them (README, "Server CPU per code
      // request"): measured after 300, then warm, after 3 000, as a test suite's server is after its first minutes.
      warmUp(client, EARLY_CODE_REQUESTS);
      List<Double> early = spacedNumpy(client);
      warmUp(client, WARM_CODE_REQUESTS - EARLY_CODE_REQUESTS - early.size());
      List<Double> spaced = spacedNumpy(client);
      List<Double> jdkClient = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        Thread.sleep(150);
        jdkClient.addAll(times(1, () -> expect(call(server, NUMPY), "OUTCOME_OK", "499500")));
      }
      List<Double> backToBack = times(200, () -> expect(call(client, NUMPY), "OUTCOME_OK", "499500"));
      List<Double> plots = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Thread.sleep(150);
        plots.addAll(times(1, () -> expect(call(client, PANDAS_PLOT), "OUTCOME_OK", "2470")));
      }
      // The same snippet counting its own page faults: the snippet process copies ahead, while it waits, the pages a drawing writes.
      String counted = "import resource\nfaults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt\n" + PANDAS_PLOT
          + "\nprint('faults', resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults)";
      List<Double> plotFaults = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Thread.sleep(150);
        Matcher faults = FAULTS.matcher((String) expect(call(client, counted), "OUTCOME_OK", "faults "));
        if (!faults.find()) {
          throw new AssertionError("no fault count in the snippet's output");
        }
        plotFaults.add(Double.parseDouble(faults.group(1)));
      }
      double seconds = backToBack.stream().mapToDouble(Double::doubleValue).sum() / 1000;
      System.out.printf("numpy snippet, request 150 ms apart (one keep-alive connection), after %d code requests: p50 %.2f ms, p99 %.2f ms | cold python3 subprocess %.1f ms -> %.1fx faster%n",
          EARLY_CODE_REQUESTS, median(early), percentile(early, 99), numpyCold, numpyCold / median(early));
      System.out.printf("numpy snippet, the same warm (after %d code requests): p50 %.2f ms, p99 %.2f ms, fastest %.2f ms | cold python3 subprocess %.1f ms -> %.1fx faster (target >= 10x, p50 <= 5 ms)%n",
          WARM_CODE_REQUESTS, median(spaced), percentile(spaced, 99), Collections.min(spaced), numpyCold, numpyCold / median(spaced));
      System.out.printf("  the same through the JDK's HttpClient (the previous bench client): p50 %.2f ms -> %.1fx%n",
          median(jdkClient), numpyCold / median(jdkClient));
      System.out.printf("numpy snippet, back-to-back: p50 %.2f ms, %.0f requests/s (one client)%n",
          median(backToBack), backToBack.size() / seconds);
      System.out.printf("pandas + matplotlib snippet (PNG returned), request p50 %.1f ms, fastest %.1f ms | cold subprocess %.0f ms -> %.1fx faster (target >= 10x)%n",
          median(plots), Collections.min(plots), plotCold, plotCold / median(plots));
      System.out.printf("  the snippet alone, exec'd again and again in one warm python3 (no isolation, no server): p50 %.1f ms -> %.1fx%n",
          plotWarmExec, plotCold / plotWarmExec);
      System.out.printf("  page faults inside that snippet through gememu: p50 %.0f (%d runs)%n", median(plotFaults), plotFaults.size());
      double forkedP50 = median(plotForked.stream().map(run -> run[0]).toList());
      System.out.printf("  the snippet in a fresh fork of that warm python3 (a process per snippet, no pages copied ahead; no sandbox, no server): p50 %.1f ms, %.0f copy-on-write and other minor page faults -> %.1fx%n",
          forkedP50, median(plotForked.stream().map(run -> run[1]).toList()), plotCold / forkedP50);
      // Once the last run is torn down and the next one is waiting: each zygote, its pre-forked runner and snippet process.
      Thread.sleep(1000);
      System.out.printf("memory: %s%n", server.memory());
    }
  }

  private static void warmUp(KeepAliveClient client, int codeRequests) throws IOException {
    for (int i = 0; i < codeRequests; i++) {
      call(client, NUMPY);
    }
  }

  /** Sixty numpy requests, each 150 ms after the previous answer: the zygotes' next processes are waiting. */
  private static List<Double> spacedNumpy(KeepAliveClient client) throws Exception {
    List<Double> spaced = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Thread.sleep(150);
      spaced.addAll(times(1, () -> expect(call(client, NUMPY), "OUTCOME_OK", "499500")));
    }
    return spaced;
  }

  private static JsonNode call(KeepAliveClient client, String code) throws IOException {
    KeepAliveClient.Response response = client.post("/v1beta/models/gemini-2.5-flash:generateContent", codeBody(code));
    if (response.status() != 200) {
      throw new IOException("HTTP " + response.status() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private void run() throws Exception {
    String python = python();
    System.out.println("CPython baseline: " + python + " (" + exec(List.of(python, "--version")).trim() + ")");
    double subprocess = median(times(30, () -> exec(List.of(python, "-c", SMALL))));
    double cpythonHeavy = median(cpythonInProcess(python, HEAVY, 5));

    Result interpreter;
    try (Server server = Server.start(root, List.of("--timeout", "10s"))) {
      interpreter = measure(server, "default (interpreter)", true);
    }
    Result jit;
    try (Server server = Server.start(root, List.of("--timeout", "10s", "--jit"))) {
      jit = measure(server, "--jit", false);
    }

    System.out.println();
    System.out.println("== Summary (medians, same run)");
    System.out.printf("small snippet, back-to-back (one client, 2 workers): gememu %.1f req/s, p50 %.2f ms, p99 %.2f ms | --jit %.1f req/s, p50 %.2f ms"
        + " | python3 subprocess loop %.1f req/s, p50 %.2f ms -> %.2fx its rate (target >= 30 req/s, p50 <= 30 ms)%n",
        interpreter.smallRate, interpreter.smallP50, interpreter.smallP99, jit.smallRate, jit.smallP50,
        1000 / subprocess, subprocess, interpreter.smallRate / (1000 / subprocess));
    System.out.printf("small snippet, request p50 150 ms apart: gememu %.2f ms | --jit %.2f ms -> %.1fx faster than the subprocess (target >= 10x, <= 5 ms)%n",
        interpreter.spacedP50, jit.spacedP50, subprocess / interpreter.spacedP50);
    System.out.printf("CPU-heavy (primes < 300000), request: gememu %.0f ms | --jit %.0f ms | CPython in-process %.0f ms -> --jit/CPython = %.2f (target <= 1)%n",
        interpreter.heavy, jit.heavy, cpythonHeavy, jit.heavy / cpythonHeavy);
    System.out.printf("cold start to first code-execution answer: %.2f s | --jit %.2f s (target <= 3 s)%n",
        interpreter.coldStart, jit.coldStart);
  }

  /** What one server configuration measured. */
  record Result(double coldStart, double smallP50, double smallP99, double smallRate, double spacedP50, double heavy) {}

  private Result measure(Server server, String label, boolean withLoad) throws Exception {
    System.out.println();
    System.out.println("== gememu " + label);
    double cold = server.coldStartSeconds();
    System.out.printf("cold start (process start -> first code-execution answer): %.2f s%n", cold);
    for (int i = 0; i < 20; i++) {
      call(server, SMALL);
    }
    System.out.printf("idle RSS: %s%n", server.rss());
    long backToBackStart = System.nanoTime();
    List<Double> small = times(200, () -> expect(call(server, SMALL), "OUTCOME_OK", "5117"));
    double smallRate = small.size() / ((System.nanoTime() - backToBackStart) / 1e9);
    System.out.printf("small snippet, back-to-back (one client): %.1f req/s, p50 %.2f ms, p99 %.2f ms (n=%d)%n",
        smallRate, median(small), percentile(small, 99), small.size());
    if (withLoad) {
      steadyState(server);
    }
    List<Double> spaced = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Thread.sleep(150);
      spaced.addAll(times(1, () -> expect(call(server, SMALL), "OUTCOME_OK", "5117")));
    }
    System.out.printf("small snippet, 150 ms apart (next context ready): p50 %.2f ms, p99 %.2f ms (n=%d)%n",
        median(spaced), percentile(spaced, 99), spaced.size());
    List<String> heavyOutcomes = new ArrayList<>();
    List<Double> heavy = times(10, () -> heavyOutcomes.add(outcome(call(server, HEAVY))));
    System.out.printf("CPU-heavy snippet, request: %s ms (median %.0f ms); outcomes: %s%n",
        heavy.stream().map(t -> String.format("%.0f", t)).toList(), median(heavy),
        heavyOutcomes.stream().distinct().toList());
    if (withLoad) {
      load(server);
      overload(server, smallRate);
    }
    return new Result(cold, median(small), percentile(small, 99), smallRate, median(spaced), median(heavy));
  }

  /**
   * The same back-to-back loop once the workers are warm: HotSpot's C2 keeps compiling GraalPy for the
   * first ~400 contexts of each worker (README, Performance), so after 1000 more requests the rate shows
   * what a long-running server does, beside the figure right after start.
   */
  private void steadyState(Server server) throws Exception {
    long warmUpStart = System.nanoTime();
    times(1000, () -> expect(call(server, SMALL), "OUTCOME_OK", "5117"));
    double warmUpSeconds = (System.nanoTime() - warmUpStart) / 1e9;
    long start = System.nanoTime();
    double cpuBefore = ProcessCpu.micros(server.handle());
    List<Double> steady = times(300, () -> expect(call(server, SMALL), "OUTCOME_OK", "5117"));
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuPerRequest = (ProcessCpu.micros(server.handle()) - cpuBefore) / 1000 / steady.size();
    System.out.printf("small snippet, back-to-back once warm (after 1000 more requests, %.0f s): %.1f req/s, p50 %.2f ms,"
        + " p99 %.2f ms, %.0f ms of CPU per request (server and workers) (n=%d; target >= 30 req/s, p50 <= 30 ms)%n",
        warmUpSeconds, steady.size() / seconds, median(steady), percentile(steady, 99), cpuPerRequest, steady.size());
  }

  /** 8 clients for at most 20 s / 4000 requests, while one more client sends each hostile snippet. */
  private void load(Server server) throws Exception {
    int clients = 8;
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    AtomicInteger budget = new AtomicInteger(4000);
    AtomicInteger failures = new AtomicInteger();
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(pool.submit(() -> {
        while (System.nanoTime() < end && budget.decrementAndGet() >= 0) {
          long t = System.nanoTime();
          try {
            expect(call(server, SMALL), "OUTCOME_OK", "5117");
            latencies.add((System.nanoTime() - t) / 1e6);
          } catch (Exception | AssertionError e) {
            failures.incrementAndGet();
          }
        }
        return null;
      }));
    }
    Future<List<String>> hostile = pool.submit(() -> {
      List<String> lines = new ArrayList<>();
      for (Map.Entry<String, String> snippet : HOSTILE.entrySet()) {
        long t = System.nanoTime();
        JsonNode result = call(server, snippet.getValue());
        lines.add(String.format("  %-22s -> %s in %.1f s", snippet.getKey(), outcome(result), (System.nanoTime() - t) / 1e9));
      }
      return lines;
    });
    System.out.printf("loaded RSS (sampled after 3 s): %s%n", sampleRssLater(server, 3000));
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> hostileLines = hostile.get();
    pool.shutdown();
    System.out.printf("load: %d clients, %d requests in %.1f s = %.0f req/s, p50 %.2f ms, p99 %.2f ms, failed %d%n",
        clients, latencies.size(), seconds, latencies.size() / seconds, median(latencies), percentile(latencies, 99),
        failures.get());
    System.out.println("hostile snippets sent during the load (server --timeout 10s):");
    hostileLines.forEach(System.out::println);
    expect(call(server, SMALL), "OUTCOME_OK", "5117");
    System.out.println("after the load: benign request OK");
  }

  /**
   * 100 clients sending the small snippet back-to-back for 15 s against the default pool (2 workers, 64 queued):
   * answers that succeed per second against the one-client back-to-back rate, Google's 503s, the longest
   * successful request (queued wait plus run), RSS before and after, and the first request after the burst.
   */
  private void overload(Server server, double backToBackRate) throws Exception {
    int clients = 100;
    String rssBefore = server.rss();
    double serverCpu = ProcessCpu.ownMicros(server.handle());
    double treeCpu = ProcessCpu.micros(server.handle());
    double benchCpu = ProcessCpu.ownMicros(ProcessHandle.current());
    AtomicInteger unavailable = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    List<Double> succeeded = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + Duration.ofSeconds(15).toNanos();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          long t = System.nanoTime();
          int status = status(server, SMALL);
          if (status == 200) {
            succeeded.add((System.nanoTime() - t) / 1e6);
          } else if (status == 503) {
            unavailable.incrementAndGet();
          } else {
            other.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    serverCpu = ProcessCpu.ownMicros(server.handle()) - serverCpu;
    double workersCpu = ProcessCpu.micros(server.handle()) - treeCpu - serverCpu;
    benchCpu = ProcessCpu.ownMicros(ProcessHandle.current()) - benchCpu;
    String rssAfter = server.rss();
    List<Double> after = times(1, () -> expect(call(server, SMALL), "OUTCOME_OK", "5117"));
    double rate = succeeded.size() / seconds;
    System.out.printf("overload: %d clients for %.1f s: %d answers = %.1f req/s vs %.1f back-to-back -> %.2fx (target >= 1);"
        + " %d x 503 UNAVAILABLE, %d other; answers p50 %.0f ms, longest %.0f ms (queued wait + run; target <= the 10 s deadline + run)%n",
        clients, seconds, succeeded.size(), rate, backToBackRate, rate / backToBackRate, unavailable.get(), other.get(),
        median(succeeded), succeeded.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    System.out.printf("overload: RSS before %s, after %s; first request after the burst: %.1f ms (target: served at once)%n",
        rssBefore, rssAfter, after.get(0));
    System.out.printf("overload: CPU in cores over the burst: workers %.2f, server %.2f, the bench's 100 clients %.2f"
        + " (server %.0f us per answer or 503)%n", workersCpu / 1e6 / seconds, serverCpu / 1e6 / seconds,
        benchCpu / 1e6 / seconds, serverCpu / (succeeded.size() + unavailable.get() + other.get()));
    long burstEnded = System.nanoTime();
    while (server.handle().children().count() > 1 && System.nanoTime() - burstEnded < Duration.ofSeconds(90).toNanos()) {
      Thread.sleep(1000);
    }
    System.out.printf("overload: %d worker(s) left %.0f s after the burst (extras stop after 30 s idle; --min-workers 1): RSS %s%n",
        server.handle().children().count(), (System.nanoTime() - burstEnded) / 1e9, server.rss());
  }

  /** {@code make bench SECTIONS=overload}: the one-client back-to-back rate, then the overload burst, on the default server. */
  private void overloadOnly() throws Exception {
    System.out.println();
    System.out.println("== overload (default server, --timeout 10s)");
    try (Server server = Server.start(root, List.of("--timeout", "10s"))) {
      System.out.printf("cold start (process start -> first code-execution answer): %.2f s%n", server.coldStartSeconds());
      for (int i = 0; i < 20; i++) {
        call(server, SMALL);
      }
      long start = System.nanoTime();
      List<Double> small = times(200, () -> expect(call(server, SMALL), "OUTCOME_OK", "5117"));
      double rate = small.size() / ((System.nanoTime() - start) / 1e9);
      System.out.printf("small snippet, back-to-back (one client): %.1f req/s, p50 %.2f ms%n", rate, median(small));
      overload(server, rate);
    }
  }

  private int status(Server server, String code) {
    try {
      return http.send(codeRequest(server, code), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException failed) {
      return -1;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String sampleRssLater(Server server, long millis) throws InterruptedException {
    Thread.sleep(millis);
    return server.rss();
  }

  static byte[] codeBody(String code) throws IOException {
    return JSON.writeValueAsBytes(Map.of(
        "contents", List.of(Map.of("parts", List.of(Map.of("text", "Run this:\n```python\n" + code + "\n```")))),
        "tools", List.of(Map.of("codeExecution", Map.of()))));
  }

  private static HttpRequest codeRequest(Server server, String code) throws IOException {
    return HttpRequest.newBuilder(URI.create(server.url() + "/v1beta/models/gemini-2.5-flash:generateContent"))
        .header("x-goog-api-key", "k").header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofByteArray(codeBody(code))).build();
  }

  private JsonNode call(Server server, String code) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(codeRequest(server, code), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  static String outcome(JsonNode response) {
    for (JsonNode part : response.path("candidates").path(0).path("content").path("parts")) {
      if (part.has("codeExecutionResult")) {
        String output = part.path("codeExecutionResult").path("output").asText();
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        return part.path("codeExecutionResult").path("outcome").asText() + " (" + abbreviate(last) + ")";
      }
    }
    return "no codeExecutionResult";
  }

  private static String abbreviate(String text) {
    return text.length() > 70 ? text.substring(0, 70) + "…" : text;
  }

  private static Object expect(JsonNode response, String outcome, String output) {
    String got = outcome(response);
    if (!got.startsWith(outcome) || !got.contains(output)) {
      throw new AssertionError("unexpected result: " + got);
    }
    return got;
  }

  /** Per fork: ms the code took in a child forked from a python3 that ran it {@code warmRuns} times, and the child's minor page faults. */
  private static List<double[]> cpythonForked(String python, String code, int warmRuns, int forks) throws IOException, InterruptedException {
    String timer = String.join("\n",
        "import contextlib, gc, io, os, resource, time",
        "code = " + JSON.writeValueAsString(code + "\nimport matplotlib.pyplot\nmatplotlib.pyplot.close('all')"),
        "with contextlib.redirect_stdout(io.StringIO()):",
        "    for _ in range(" + warmRuns + "):",
        "        exec(code, {})",
        "gc.collect()",
        "gc.freeze()",
        "for _ in range(" + forks + "):",
        "    read, write = os.pipe()",
        "    if os.fork() == 0:",
        "        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt",
        "        t = time.perf_counter()",
        "        with contextlib.redirect_stdout(io.StringIO()):",
        "            exec(code, {})",
        "        elapsed = (time.perf_counter() - t) * 1000",
        "        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults",
        "        os.write(write, ('%f %d' % (elapsed, faults)).encode())",
        "        os._exit(0)",
        "    os.close(write)",
        "    print(os.read(read, 100).decode())",
        "    os.close(read)",
        "    os.wait()",
        "");
    List<double[]> runs = new ArrayList<>();
    for (String line : exec(List.of(python, "-c", timer)).strip().split("\n")) {
      String[] fields = line.split(" ");
      runs.add(new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1])});
    }
    return runs;
  }

  private static List<Double> cpythonInProcess(String python, String code, int runs) throws IOException, InterruptedException {
    String timer = "import time, io, contextlib\ncode = " + JSON.writeValueAsString(code)
        + "\nfor _ in range(" + runs + "):\n    t = time.perf_counter()\n    with contextlib.redirect_stdout(io.StringIO()):\n"
        + "        exec(code, {})\n    print((time.perf_counter() - t) * 1000)\n";
    List<Double> times = new ArrayList<>();
    for (String line : exec(List.of(python, "-c", timer)).strip().split("\n")) {
      times.add(Double.parseDouble(line));
    }
    return times;
  }

  private static String python() throws IOException, InterruptedException {
    return exec(List.of("python3", "-c", "import sys; print(sys.executable)")).strip();
  }

  static String exec(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }

  interface Action {
    Object run() throws Exception;
  }

  private static List<Double> times(int count, Action action) throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      action.run();
      times.add((System.nanoTime() - t) / 1e6);
    }
    return times;
  }

  static double median(List<Double> values) {
    return percentile(values, 50);
  }

  static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** One gememu process started with bin/gememu on a free loopback port. */
  static final class Server implements AutoCloseable {
    private final Process process;
    private final int port;
    private final long startedNanos;
    private final Path log;
    private double coldStart;

    private Server(Process process, int port, long startedNanos, Path log) {
      this.process = process;
      this.port = port;
      this.startedNanos = startedNanos;
      this.log = log;
    }

    double secondsSinceStart() {
      return (System.nanoTime() - startedNanos) / 1e9;
    }

    ProcessHandle handle() {
      return process.toHandle();
    }

    static Server start(Path root, List<String> flags) throws Exception {
      Server server = launch(root, flags);
      server.awaitFirstAnswer();
      return server;
    }

    /** Starts the process without waiting for it to listen. */
    static Server launch(Path root, List<String> flags) throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      List<String> command = new ArrayList<>(List.of(root.resolve("bin/gememu").toString(), "--port", Integer.toString(port)));
      command.addAll(flags);
      Path log = Files.createTempFile("gememu-bench", ".log");
      long started = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new Server(process, port, started, log);
    }

    private void awaitFirstAnswer() throws Exception {
      HttpClient client = HttpClient.newHttpClient();
      String body = "{\"contents\":[{\"parts\":[{\"text\":\"Run this:\\n```python\\nprint(6*7)\\n```\"}]}],"
          + "\"tools\":[{\"codeExecution\":{}}]}";
      long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < giveUp) {
        try {
          HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url()
              + "/v1beta/models/gemini-2.5-flash:generateContent")).header("x-goog-api-key", "k")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("42")) {
            coldStart = (System.nanoTime() - startedNanos) / 1e9;
            return;
          }
        } catch (IOException notListeningYet) {
          Thread.sleep(20);
        }
        if (!process.isAlive()) {
          throw new IllegalStateException("gememu exited: " + Files.readString(log));
        }
      }
      throw new IllegalStateException("gememu did not answer within 120 s: " + Files.readString(log));
    }

    String url() {
      return "http://127.0.0.1:" + port;
    }

    int port() {
      return port;
    }

    double coldStartSeconds() {
      return coldStart;
    }

    /** RSS of the server and each worker process, from /proc. */
    String rss() {
      List<ProcessHandle> all = new ArrayList<>();
      all.add(process.toHandle());
      process.toHandle().descendants().forEach(all::add);
      long total = 0;
      List<String> parts = new ArrayList<>();
      for (ProcessHandle handle : all) {
        long kb = ProcessCpu.rssKb(handle.pid());
        total += kb;
        parts.add((kb / 1024) + " MiB");
      }
      return String.format("%d MiB total (server %s)", total / 1024, String.join(" + workers ", parts));
    }

    /** RSS and PSS (shared pages divided among their users) of the server and each descendant. */
    String memory() {
      List<ProcessHandle> all = new ArrayList<>();
      all.add(process.toHandle());
      process.toHandle().descendants().forEach(all::add);
      List<String> parts = new ArrayList<>();
      long pss = 0;
      for (ProcessHandle handle : all) {
        long kb = field(handle.pid(), "smaps_rollup", "Pss:");
        pss += kb;
        parts.add(handle.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?") + " rss "
            + ProcessCpu.rssKb(handle.pid()) / 1024 + " MiB pss " + kb / 1024 + " MiB");
      }
      return String.format("PSS total %d MiB: %s", pss / 1024, String.join(", ", parts));
    }

    private static long field(long pid, String file, String name) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/" + file))) {
          if (line.startsWith(name)) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | RuntimeException gone) {
        return 0;
      }
      return 0;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
