package dev.mailgate.multimail.sandbox.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Fixed-window request limit per API key. */
public final class RateLimiter {

  private record Window(Instant start, int count) {}

  private final Clock clock;
  private final Map<String, Window> windows = new HashMap<>();
  private int limit;
  private Duration length;

  public RateLimiter(Clock clock, int limit, Duration length) {
    this.clock = clock;
    this.limit = limit;
    this.length = length;
  }

  /** Counts one request; 0 when allowed, else the seconds until the window ends (at least 1). */
  public synchronized long acquire(String key) {
    Instant now = clock.instant();
    Window window = windows.get(key);
    if (window == null || !now.isBefore(window.start().plus(length))) {
      window = new Window(now, 0);
    }
    if (window.count() >= limit) {
      windows.put(key, window);
      long millis = Duration.between(now, window.start().plus(length)).toMillis();
      return Math.max(1, (millis + 999) / 1000);
    }
    windows.put(key, new Window(window.start(), window.count() + 1));
    return 0;
  }

  public synchronized void configure(int newLimit, Duration newLength) {
    limit = newLimit;
    length = newLength;
    windows.clear();
  }

  public synchronized int limit() {
    return limit;
  }

  public synchronized Duration length() {
    return length;
  }
}
