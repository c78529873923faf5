package dev.mailgate.multimail.sandbox.service;

import dev.mailgate.multimail.sandbox.config.SandboxConfig;
import dev.mailgate.multimail.sandbox.domain.DeliveryLog;
import dev.mailgate.multimail.sandbox.domain.EmailStore;
import dev.mailgate.multimail.sandbox.domain.IdempotencyRegistry;
import dev.mailgate.multimail.sandbox.domain.MonthlyQuota;
import dev.mailgate.multimail.sandbox.domain.RateLimiter;
import dev.mailgate.multimail.sandbox.domain.ReplyDedup;
import dev.mailgate.multimail.sandbox.domain.UsageCounters;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/** Puts the whole sandbox back to its configured starting state. */
@ApplicationScoped
public class ResetService {

  private final SandboxConfig config;
  private final MailboxService mailboxes;
  private final EmailStore store;
  private final IdempotencyRegistry idempotency;
  private final ReplyDedup dedup;
  private final MonthlyQuota quota;
  private final RateLimiter rateLimiter;
  private final DeliveryLog deliveries;
  private final UsageCounters usage;
  private final WebhookService webhooks;
  private final FaultInjector faults;

  public ResetService(
      SandboxConfig config,
      MailboxService mailboxes,
      EmailStore store,
      IdempotencyRegistry idempotency,
      ReplyDedup dedup,
      MonthlyQuota quota,
      RateLimiter rateLimiter,
      DeliveryLog deliveries,
      UsageCounters usage,
      WebhookService webhooks,
      FaultInjector faults) {
    this.config = config;
    this.mailboxes = mailboxes;
    this.store = store;
    this.idempotency = idempotency;
    this.dedup = dedup;
    this.quota = quota;
    this.rateLimiter = rateLimiter;
    this.deliveries = deliveries;
    this.usage = usage;
    this.webhooks = webhooks;
    this.faults = faults;
  }

  public void reset() {
    faults.clear();
    webhooks.reset();
    store.clear();
    idempotency.clear();
    dedup.clear();
    deliveries.clear();
    usage.clear();
    quota.set(config.account().monthlyQuota(), 0);
    rateLimiter.configure(config.rateLimit().requests(), config.rateLimit().window());
    mailboxes.reset();
    Log.info("Sandbox reset");
  }
}
