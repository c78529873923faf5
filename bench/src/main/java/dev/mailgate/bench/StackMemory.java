package dev.mailgate.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack's memory as {@code ./mailgate status} counts it: the proportional set size of every
 * process with a pid file under {@code .stack/pids}, PostgreSQL with its backends; sampled on its
 * own thread during the run for the peak.
 */
final class StackMemory implements AutoCloseable {

  private final Path pids;
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peakKb;

  StackMemory(Path pids) {
    this.pids = pids;
    this.sampler = new Thread(this::sample, "bench-memory");
    this.sampler.setDaemon(true);
  }

  void start() {
    sampler.start();
  }

  long peakMb() {
    return peakKb / 1024;
  }

  /** The stack's PSS now, in MB; 0 when no pid files are found. */
  long nowMb() {
    return totalKb() / 1024;
  }

  private void sample() {
    while (running) {
      peakKb = Math.max(peakKb, totalKb());
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private long totalKb() {
    long total = 0;
    if (!Files.isDirectory(pids)) {
      return 0;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
      for (Path file : files) {
        long pid = Long.parseLong(Files.readString(file).trim());
        total += pss(pid);
        if (file.getFileName().toString().equals("postgres.pid")) {
          for (long child : children(pid)) {
            total += pss(child);
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      return total;
    }
    return total;
  }

  private static long pss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
        if (line.startsWith("Pss:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  static List<Long> children(long parent) {
    List<Long> children = new ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        try {
          String stat = Files.readString(proc.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          if (Long.parseLong(fields[1]) == parent) {
            children.add(Long.parseLong(proc.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // a process that ended while being read
        }
      }
    } catch (IOException e) {
      return children;
    }
    return children;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
