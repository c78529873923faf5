package dev.mailgate.multimail.sandbox.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Outbound emails per calendar month (UTC); the count resets on the 1st, as at MultiMail. */
public final class MonthlyQuota {

  private final Clock clock;
  private int limit;
  private int used;
  private YearMonth month;

  public MonthlyQuota(Clock clock, int limit) {
    this.clock = clock;
    this.limit = limit;
    this.month = currentMonth();
  }

  /** Counts one outbound email; false (and nothing counted) when the quota is used up. */
  public synchronized boolean tryConsume() {
    roll();
    if (used >= limit) {
      return false;
    }
    used++;
    return true;
  }

  public synchronized int used() {
    roll();
    return used;
  }

  public synchronized int limit() {
    return limit;
  }

  public synchronized void set(int newLimit, int newUsed) {
    roll();
    limit = newLimit;
    used = newUsed;
  }

  /** Seconds until the quota resets: the start of next month, UTC. */
  public long secondsUntilReset() {
    var now = clock.instant();
    var reset = currentMonth().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return Math.max(1, Duration.between(now, reset).toSeconds());
  }

  private void roll() {
    YearMonth now = currentMonth();
    if (!now.equals(month)) {
      month = now;
      used = 0;
    }
  }

  private YearMonth currentMonth() {
    return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
  }
}
