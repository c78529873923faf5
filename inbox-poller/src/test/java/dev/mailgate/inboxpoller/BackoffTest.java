package dev.mailgate.inboxpoller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.inboxpoller.domain.Backoff;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff highest =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 1.0);
  private final Backoff lowest =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);

  @Test
  void doublesAfterEachFailureUpToTheCapRandomisedInItsUpperHalf() {
    assertThat(highest.afterFailure(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    assertThat(highest.afterFailure(2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
    assertThat(highest.afterFailure(4, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
    assertThat(highest.afterFailure(40, Optional.empty())).isEqualTo(Duration.ofSeconds(60));
    assertThat(lowest.afterFailure(4, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void neverPollsSoonerThanRetryAfter() {
    assertThat(highest.afterFailure(1, Optional.of(Duration.ofSeconds(30))))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(highest.afterFailure(10, Optional.of(Duration.ofSeconds(3))))
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void successWaitsTheIntervalPlusUpToTheJitter() {
    Duration interval = Duration.ofSeconds(30);
    Duration jitter = Duration.ofSeconds(5);
    assertThat(lowest.afterSuccess(interval, jitter)).isEqualTo(interval);
    assertThat(highest.afterSuccess(interval, jitter)).isEqualTo(Duration.ofSeconds(35));
  }
}
