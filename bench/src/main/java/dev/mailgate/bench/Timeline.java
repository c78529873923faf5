package dev.mailgate.bench;

import java.util.Arrays;

/** When each of a run's intents reached each {@link Stage}, in epoch milliseconds (-1: not yet). */
final class Timeline {

  private final long[][] at;
  private final int[] reached = new int[Stage.values().length];

  Timeline(int intents) {
    at = new long[Stage.values().length][intents];
    for (long[] stage : at) {
      Arrays.fill(stage, -1);
    }
  }

  int size() {
    return at[0].length;
  }

  /** Records the first time intent {@code n} reached {@code stage}. */
  synchronized void mark(Stage stage, int n, long millis) {
    if (n < 0 || n >= size() || at[stage.ordinal()][n] >= 0) {
      return;
    }
    at[stage.ordinal()][n] = millis;
    reached[stage.ordinal()]++;
  }

  synchronized int reached(Stage stage) {
    return reached[stage.ordinal()];
  }

  synchronized long at(Stage stage, int n) {
    return at[stage.ordinal()][n];
  }

  /** The earliest and latest time any intent reached {@code stage}; {-1,-1} when none did. */
  synchronized long[] span(Stage stage) {
    long first = Long.MAX_VALUE;
    long last = -1;
    for (long t : at[stage.ordinal()]) {
      if (t >= 0) {
        first = Math.min(first, t);
        last = Math.max(last, t);
      }
    }
    return last < 0 ? new long[] {-1, -1} : new long[] {first, last};
  }

  /** The milliseconds from {@code from} to {@code to} of every intent that reached both. */
  synchronized long[] between(Stage from, Stage to) {
    long[] a = at[from.ordinal()];
    long[] b = at[to.ordinal()];
    long[] out = new long[a.length];
    int count = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] >= 0 && b[i] >= 0) {
        out[count++] = Math.max(0, b[i] - a[i]);
      }
    }
    return Arrays.copyOf(out, count);
  }
}
