package dev.mailgate.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time each process of the stack spent (user + system, from {@code /proc/<pid>/stat};
 * PostgreSQL with its backends): taken before and after a run, the difference per intent says where
 * the time goes, independent of what else the machine was doing.
 */
final class StackCpu {

  /** Clock ticks per second of {@code /proc} times on Linux. */
  private static final double TICKS = 100.0;

  private final Path pids;

  StackCpu(Path pids) {
    this.pids = pids;
  }

  /** CPU seconds so far by component (the pid file's name). */
  Map<String, Double> snapshot() {
    Map<String, Double> seconds = new TreeMap<>();
    if (!Files.isDirectory(pids)) {
      return seconds;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
      for (Path file : files) {
        String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
        long pid = Long.parseLong(Files.readString(file).trim());
        long ticks = ticks(pid);
        if (name.equals("postgres")) {
          for (long child : StackMemory.children(pid)) {
            ticks += ticks(child);
          }
        }
        seconds.put(name, ticks / TICKS);
      }
    } catch (IOException | NumberFormatException e) {
      return seconds;
    }
    return seconds;
  }

  /** What each component spent between two snapshots, in CPU seconds. */
  static Map<String, Double> spent(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> spent = new TreeMap<>();
    after.forEach(
        (name, total) -> spent.put(name, Math.max(0, total - before.getOrDefault(name, 0.0))));
    return spent;
  }

  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state(0) ppid(1) ... utime(11) stime(12)
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static List<String> lines(Map<String, Double> spent, int intents) {
    List<String> lines = new ArrayList<>();
    double total = spent.values().stream().mapToDouble(Double::doubleValue).sum();
    spent.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(
            e ->
                lines.add(
                    String.format(
                        "  %-18s %7.1f s   %6.2f ms per intent   %4.0f%%",
                        e.getKey(),
                        e.getValue(),
                        1000 * e.getValue() / Math.max(1, intents),
                        total == 0 ? 0 : 100 * e.getValue() / total)));
    lines.add(
        String.format(
            "  %-18s %7.1f s   %6.2f ms per intent: at most %,.0f intents/s on %d cores",
            "total",
            total,
            1000 * total / Math.max(1, intents),
            total == 0 ? 0 : intents / total * Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().availableProcessors()));
    return lines;
  }
}
