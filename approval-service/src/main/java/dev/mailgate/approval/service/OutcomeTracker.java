package dev.mailgate.approval.service;

import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.events.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Marks review items delivered or failed from {@code mail.outcomes}. Idempotent: applying the same
 * outcome again changes nothing, and a final status is never replaced by an interim one.
 */
@ApplicationScoped
public class OutcomeTracker {

  private final IntentRepository intents;

  public OutcomeTracker(IntentRepository intents) {
    this.intents = intents;
  }

  @Transactional
  public void apply(DeliveryOutcome outcome) {
    Intent intent = intents.findById(outcome.intentId());
    if (intent == null || isFinal(intent.deliveryStatus)) {
      return;
    }
    switch (outcome.status()) {
      case ACCEPTED -> {
        intent.deliveryStatus = "delivered";
        intent.providerEmailId = outcome.providerEmailId();
        intent.deliveryError = null;
        if (intent.threadId == null) {
          intent.threadId = outcome.threadId();
        }
      }
      case FAILED -> {
        intent.deliveryStatus = "failed";
        intent.deliveryError = outcome.error();
      }
      case QUOTA_EXHAUSTED -> intent.deliveryStatus = "waiting_for_quota";
      case RETRYING -> {
        intent.deliveryStatus = "retrying";
        intent.deliveryError = outcome.error();
      }
    }
  }

  private static boolean isFinal(String status) {
    return "delivered".equals(status) || "failed".equals(status);
  }
}
