package dev.mailgate.multimail.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time-bound rules: idempotency TTL, duplicate-reply window, monthly quota, rate limit. */
class TimeWindowsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-31T23:00:00Z"));

  @Test
  void idempotencyKeyIsRememberedFor24HoursOnly() {
    IdempotencyRegistry registry = new IdempotencyRegistry(clock, Duration.ofHours(24));
    registry.remember("k", "E1");

    clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(registry.emailFor("k")).contains("E1");
    clock.advance(Duration.ofMinutes(1));
    assertThat(registry.emailFor("k")).isEmpty();
  }

  @Test
  void identicalReplyIsADuplicateWithin60SecondsOnly() {
    ReplyDedup dedup = new ReplyDedup(clock, Duration.ofSeconds(60));
    dedup.record("m", "parent", "Thanks");

    clock.advance(Duration.ofSeconds(59));
    assertThat(dedup.seenRecently("m", "parent", "Thanks")).isTrue();
    assertThat(dedup.seenRecently("m", "other-parent", "Thanks")).isFalse();
    assertThat(dedup.seenRecently("m", "parent", "Thanks!")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(dedup.seenRecently("m", "parent", "Thanks")).isFalse();
  }

  @Test
  void quotaResetsOnTheFirstOfTheMonthAndSaysWhen() {
    MonthlyQuota quota = new MonthlyQuota(clock, 2);
    assertThat(quota.tryConsume()).isTrue();
    assertThat(quota.tryConsume()).isTrue();
    assertThat(quota.tryConsume()).isFalse();
    assertThat(quota.used()).isEqualTo(2);
    assertThat(quota.secondsUntilReset()).isEqualTo(3600);

    clock.advance(Duration.ofHours(1));
    assertThat(quota.used()).isZero();
    assertThat(quota.tryConsume()).isTrue();
  }

  @Test
  void rateLimitCountsPerKeyAndTellsHowLongToWait() {
    RateLimiter limiter = new RateLimiter(clock, 2, Duration.ofSeconds(10));
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    clock.advance(Duration.ofMillis(2500));
    assertThat(limiter.acquire("a")).isEqualTo(8);
    assertThat(limiter.acquire("b")).isZero();

    clock.advance(Duration.ofMillis(7500));
    assertThat(limiter.acquire("a")).isZero();
  }
}
