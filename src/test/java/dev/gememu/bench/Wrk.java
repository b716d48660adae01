package dev.gememu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the wrk load generator with one POST request and reads its summary. */
final class Wrk {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");
  private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

  private Wrk() {}

  /** What one wrk run measured. */
  record Result(double requestsPerSecond, long requests, double p50Ms, double p99Ms, long errors) {}

  static boolean available() {
    try {
      return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
    } catch (IOException | InterruptedException missing) {
      return false;
    }
  }

  static Result post(String url, String body, int connections, int seconds) throws IOException, InterruptedException {
    Path script = Files.createTempFile("gememu-bench", ".lua");
    try {
      Files.writeString(script, "wrk.method = \"POST\"\n"
          + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
          + "wrk.headers[\"x-goog-api-key\"] = \"k\"\n"
          + "wrk.body = [==[" + body + "]==]\n");
      List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(2, connections)),
          "-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "10s", "--latency",
          "-s", script.toString(), url));
      String out = Bench.exec(command);
      return parse(out);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  static Result parse(String out) {
    Matcher rate = RATE.matcher(out);
    Matcher total = TOTAL.matcher(out);
    if (!rate.find() || !total.find()) {
      throw new IllegalStateException("unexpected wrk output:\n" + out);
    }
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET_ERRORS.matcher(out);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(socket.group(i));
      }
    }
    return new Result(Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)),
        percentile(out, "50%"), percentile(out, "99%"), errors);
  }

  private static double percentile(String out, String label) {
    Matcher m = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no " + label + " latency in wrk output:\n" + out);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
