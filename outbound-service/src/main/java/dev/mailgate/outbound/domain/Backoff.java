package dev.mailgate.outbound.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": the n-th failure waits between half and all of {@code
 * initial * 2^(n-1)}, capped at {@code max}; a server's {@code Retry-After} is honoured (never
 * waited less), capped at {@code maxRetryAfter}.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final Duration maxRetryAfter;
  private final RandomGenerator random;

  public Backoff(Duration initial, Duration max, Duration maxRetryAfter, RandomGenerator random) {
    this.initial = initial;
    this.max = max;
    this.maxRetryAfter = maxRetryAfter;
    this.random = random;
  }

  /** The wait after the {@code failures}-th failure (1-based). */
  public Duration delay(int failures, Optional<Duration> retryAfter) {
    Duration computed = jittered(failures);
    if (retryAfter.isEmpty()) {
      return computed;
    }
    Duration asked = min(retryAfter.get(), maxRetryAfter);
    return asked.compareTo(computed) > 0 ? asked : computed;
  }

  /** The wait MultiMail asked for (or the first backoff step), capped at {@code maxRetryAfter}. */
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
