package dev.mailgate.outbound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

  private Instant now = Instant.parse("2026-11-25T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final Reachability reachability = new Reachability(clock);

  @Test
  void downSinceTheFirstFailureUntilAnAnswer() {
    reachability.answered(202);
    now = now.plusSeconds(10);
    reachability.noAnswer("connection refused");
    now = now.plusSeconds(30);
    reachability.answered(503); // a 5xx is no better than silence
    now = now.plusSeconds(45);

    assertThat(reachability.state().downFor(now)).contains(Duration.ofSeconds(75));
    assertThat(reachability.state().lastError()).isEqualTo("MultiMail answered 503");

    reachability.answered(429); // any non-5xx answer means it is there
    assertThat(reachability.state().downFor(now)).isEmpty();
  }

  @Test
  void idleUntilSomethingIsAsked() {
    assertThat(reachability.idleFor(Duration.ofSeconds(30))).isTrue();
    reachability.answered(200);
    assertThat(reachability.idleFor(Duration.ofSeconds(30))).isFalse();
    now = now.plusSeconds(31);
    assertThat(reachability.idleFor(Duration.ofSeconds(30))).isTrue();
  }
}
