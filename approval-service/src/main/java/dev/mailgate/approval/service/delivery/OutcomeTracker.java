package dev.mailgate.approval.service.delivery;

import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.events.DeliveryOutcome;
import dev.mailgate.events.OutcomeStatus;
import dev.mailgate.outbox.consumer.Received;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Marks review items delivered or failed from {@code mail.outcomes}, in the caller's transaction.
 * Idempotent: applying the same outcome again changes nothing, and a final status is never replaced
 * by an interim one.
 */
@ApplicationScoped
public class OutcomeTracker {

  /** This consumer's name in {@code processed_event} and dead letters. */
  public static final String CONSUMER = "approval-service.outcomes";

  private final IntentRepository intents;

  public OutcomeTracker(IntentRepository intents) {
    this.intents = intents;
  }

  /** Applies a batch of outcomes: one read of the intents they name. */
  public void apply(List<Received<DeliveryOutcome>> outcomes) {
    Map<String, Intent> byId =
        intents.findAllById(outcomes.stream().map(o -> o.payload().intentId()).toList()).stream()
            .collect(Collectors.toMap(i -> i.intentId, Function.identity()));
    for (Received<DeliveryOutcome> received : outcomes) {
      DeliveryOutcome outcome = received.payload();
      Intent intent = byId.get(outcome.intentId());
      if (intent != null && applies(intent.deliveryStatus, outcome.status())) {
        apply(intent, outcome);
      }
    }
  }

  private static void apply(Intent intent, DeliveryOutcome outcome) {
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
      case UNKNOWN -> {
        intent.deliveryStatus = "unknown";
        intent.deliveryError = outcome.error();
      }
      case DELIVERED -> {
        intent.deliveryStatus = "delivered";
        intent.deliveryError = null;
      }
      case BOUNCED -> {
        intent.deliveryStatus = "bounced";
        intent.deliveryError = outcome.error();
      }
      case HELD_BY_PROVIDER -> {
        intent.deliveryStatus = "held_by_provider";
        intent.deliveryError = outcome.error();
      }
      case REJECTED_BY_PROVIDER -> {
        intent.deliveryStatus = "rejected_by_provider";
        intent.deliveryError = outcome.error();
      }
    }
  }

  /**
   * Once MultiMail accepted an email ({@code delivered} here), only MultiMail's later verdict on it
   * changes what is recorded, until that verdict is final; before, every outcome does (a failed
   * delivery can still be delivered after a dead-letter replay).
   */
  static boolean applies(String current, OutcomeStatus next) {
    boolean followUp =
        switch (next) {
          case DELIVERED, BOUNCED, HELD_BY_PROVIDER, REJECTED_BY_PROVIDER -> true;
          default -> false;
        };
    if (current == null) {
      return !followUp;
    }
    return switch (current) {
      case "delivered", "held_by_provider" -> followUp;
      case "bounced", "rejected_by_provider" -> false;
      default -> !followUp;
    };
  }
}
