package dev.mailgate.outbox.loop;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": the n-th failure in a row waits between half and all of
 * {@code initial * 2^(n-1)}, capped at {@code max}, so instances that failed together spread out. A
 * server's {@code Retry-After} is honoured: never waited less, capped at {@code maxRetryAfter}.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final Duration maxRetryAfter;
  private final RandomGenerator random;

  public Backoff(Duration initial, Duration max, Duration maxRetryAfter, RandomGenerator random) {
    this.initial = initial;
    this.max = max.compareTo(initial) < 0 ? initial : max;
    this.maxRetryAfter = maxRetryAfter;
    this.random = random;
  }

  /** A backoff from {@code initial} to {@code max} that ignores {@code Retry-After}. */
  public static Backoff between(Duration initial, Duration max) {
    return new Backoff(initial, max, Duration.ZERO, RandomGenerator.getDefault());
  }

  /** The wait after the {@code failures}-th failure in a row (1-based). */
  public Duration delay(int failures) {
    return delay(failures, Optional.empty());
  }

  /** The wait after the {@code failures}-th failure, at least what the server asked for. */
  public Duration delay(int failures, Optional<Duration> retryAfter) {
    Duration computed = jittered(failures);
    if (retryAfter.isEmpty()) {
      return computed;
    }
    Duration asked = min(retryAfter.get(), maxRetryAfter);
    return asked.compareTo(computed) > 0 ? asked : computed;
  }

  /**
   * The wait a server asked for (or the first step), capped at {@code maxRetryAfter} and {@code
   * cap}.
   */
  public Duration pause(Optional<Duration> retryAfter, Duration cap) {
    Duration asked = retryAfter.filter(d -> !d.isZero()).orElse(jittered(1));
    return min(min(asked, maxRetryAfter), cap);
  }

  private Duration jittered(int failures) {
    int shift = Math.min(Math.max(failures - 1, 0), 30);
    long cap = max.toMillis();
    long base = Math.max(initial.toMillis(), 1);
    long ceiling = base > (cap >> shift) ? cap : Math.min(base << shift, cap);
    ceiling = Math.max(ceiling, 1);
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
