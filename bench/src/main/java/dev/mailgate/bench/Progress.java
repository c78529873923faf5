package dev.mailgate.bench;

import java.io.PrintStream;

/** A one-line progress bar on the terminal (stderr), redrawn in place. */
final class Progress {

  private static final int WIDTH = 30;
  private final PrintStream out;

  Progress(PrintStream out) {
    this.out = out;
  }

  void show(String label, long done, long total, String detail) {
    int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, done * WIDTH / total);
    out.printf(
        "\r%-10s [%s%s] %,d/%,d %s   ",
        label, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, detail);
    out.flush();
  }

  void done() {
    out.println();
  }
}
