package dev.mailgate.outbox.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff =
      new Backoff(
          Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), new Random(42));

  @Test
  void growsExponentiallyWithJitterAndStopsAtTheCap() {
    for (int failures = 1; failures <= 8; failures++) {
      long ceiling = Math.min(1000L << (failures - 1), 300_000L);
      assertThat(backoff.delay(failures, Optional.empty()).toMillis())
          .isBetween(ceiling / 2, ceiling);
    }
    assertThat(backoff.delay(1_000, Optional.empty())).isLessThanOrEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void neverWaitsLessThanRetryAfterButCapsIt() {
    assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(30))))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delay(1, Optional.of(Duration.ofDays(20)))).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aPauseLastsRetryAfterUpToTheGivenCap() {
    assertThat(backoff.pause(Optional.of(Duration.ofDays(20)), Duration.ofMinutes(10)))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(backoff.pause(Optional.of(Duration.ofSeconds(2)), Duration.ofMinutes(10)))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.pause(Optional.empty(), Duration.ofMinutes(10)))
        .isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
  }
}
