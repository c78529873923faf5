package dev.mailgate.inboxpoller.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to poll a mailbox next. After a success: the interval plus up to {@code jitter}. After the
 * n-th failure in a row: {@code initial * 2^(n-1)}, capped at {@code max}, randomised in its upper
 * half so failing instances spread out, and never sooner than MultiMail's {@code Retry-After}.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;

  public Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initial = initial;
    this.max = max.compareTo(initial) < 0 ? initial : max;
    this.random = random;
  }

  public Duration afterSuccess(Duration interval, Duration jitter) {
    return interval.plusMillis((long) (jitter.toMillis() * random.getAsDouble()));
  }

  public Duration afterFailure(int failuresInARow, Optional<Duration> retryAfter) {
    int exponent = Math.min(Math.max(failuresInARow, 1) - 1, 30);
    long capped = Math.min(max.toMillis(), initial.toMillis() << exponent);
    long delay = capped / 2 + (long) (capped / 2.0 * random.getAsDouble());
    long asked = retryAfter.map(Duration::toMillis).orElse(0L);
    return Duration.ofMillis(Math.max(delay, asked));
  }
}
