package dev.mailgate.multimail.sandbox.config;

import dev.mailgate.multimail.sandbox.domain.DeliveryLog;
import dev.mailgate.multimail.sandbox.domain.EmailStore;
import dev.mailgate.multimail.sandbox.domain.IdempotencyRegistry;
import dev.mailgate.multimail.sandbox.domain.MonthlyQuota;
import dev.mailgate.multimail.sandbox.domain.RateLimiter;
import dev.mailgate.multimail.sandbox.domain.ReplyDedup;
import dev.mailgate.multimail.sandbox.domain.UlidGenerator;
import dev.mailgate.multimail.sandbox.domain.UsageCounters;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain domain classes (no CDI inside them) from configuration. */
public class DomainProducers {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  UlidGenerator ulids(Clock clock) {
    return new UlidGenerator(clock);
  }

  @Produces
  @Singleton
  EmailStore emailStore(UlidGenerator ulids) {
    return new EmailStore(ulids);
  }

  @Produces
  @Singleton
  IdempotencyRegistry idempotency(Clock clock, SandboxConfig config) {
    return new IdempotencyRegistry(clock, config.idempotencyTtl());
  }

  @Produces
  @Singleton
  ReplyDedup replyDedup(Clock clock, SandboxConfig config) {
    return new ReplyDedup(clock, config.replyDedupWindow());
  }

  @Produces
  @Singleton
  MonthlyQuota quota(Clock clock, SandboxConfig config) {
    return new MonthlyQuota(clock, config.account().monthlyQuota());
  }

  @Produces
  @Singleton
  RateLimiter rateLimiter(Clock clock, SandboxConfig config) {
    return new RateLimiter(clock, config.rateLimit().requests(), config.rateLimit().window());
  }

  @Produces
  @Singleton
  DeliveryLog deliveryLog() {
    return new DeliveryLog();
  }

  @Produces
  @Singleton
  UsageCounters usage() {
    return new UsageCounters();
  }
}
