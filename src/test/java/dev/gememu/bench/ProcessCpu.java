package dev.gememu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a process tree has used, from /proc/PID/stat (user + system, in clock ticks of 10 ms). */
final class ProcessCpu {
  private static final double MICROS_PER_TICK = 10_000;

  private ProcessCpu() {}

  /** Microseconds of CPU used so far by the process and its live descendants. */
  static double micros(ProcessHandle process) {
    double total = ticks(process.pid());
    total += process.descendants().mapToLong(child -> ticks(child.pid())).sum();
    return total * MICROS_PER_TICK;
  }

  /** Microseconds of CPU used so far by the process alone, without its descendants. */
  static double ownMicros(ProcessHandle process) {
    return ticks(process.pid()) * MICROS_PER_TICK;
  }

  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /**
   * Waits until the process tree uses under 5% of a core over a second (workers started and warmed
   * up), at most {@code limit}; returns the seconds waited.
   */
  static double awaitIdle(ProcessHandle process, java.time.Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    long giveUp = start + limit.toNanos();
    double before = micros(process);
    while (System.nanoTime() < giveUp) {
      Thread.sleep(1_000);
      double now = micros(process);
      if (now - before < 50_000) {
        break;
      }
      before = now;
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Resident set size in KiB, from /proc/PID/status; 0 once the process is gone. */
  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
    return 0;
  }
}
