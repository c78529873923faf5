package dev.mailgate.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nearest-rank percentiles of a sample of milliseconds. */
record Percentiles(int count, long p50, long p90, long p99, long p999, long max) {

  static Percentiles of(long[] sample) {
    if (sample.length == 0) {
      return new Percentiles(0, -1, -1, -1, -1, -1);
    }
    long[] sorted = sample.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length,
        rank(sorted, 50),
        rank(sorted, 90),
        rank(sorted, 99),
        rank(sorted, 99.9),
        sorted[sorted.length - 1]);
  }

  /** The value at percentile {@code p} of a sorted sample. */
  static long rank(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("count", count);
    json.put("p50_ms", p50);
    json.put("p90_ms", p90);
    json.put("p99_ms", p99);
    json.put("p999_ms", p999);
    json.put("max_ms", max);
    return json;
  }

  String line() {
    return count == 0
        ? "no samples"
        : String.format(
            "p50 %5d ms  p90 %5d ms  p99 %5d ms  p99.9 %5d ms  max %5d ms  (%,d)",
            p50, p90, p99, p999, max, count);
  }
}
