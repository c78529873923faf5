package dev.mailgate.outbound.service;

import dev.mailgate.outbound.domain.Delivery;
import dev.mailgate.outbound.domain.DeliveryRepository;
import dev.mailgate.outbound.domain.SentIntent;
import dev.mailgate.outbound.domain.SentIntentRepository;
import dev.mailgate.outbox.consumer.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;

/** The {@code delivery} and {@code sent_intent} tables as the recorder needs them. */
@ApplicationScoped
public class Parking {

  /** Far enough ahead that a delivery waiting for an operator is never due by itself. */
  static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

  private final DeliveryRepository deliveries;
  private final SentIntentRepository sent;

  public Parking(DeliveryRepository deliveries, SentIntentRepository sent) {
    this.deliveries = deliveries;
    this.sent = sent;
  }

  /**
   * Ends a delivery; false when a waiting one was already ended elsewhere (its lease ran out and
   * another instance wrote the outcome), so this result is not reported twice.
   */
  public boolean finish(Work work) {
    // A fresh delivery has no row: intake skips intents that already wait.
    return !work.parked() || deliveries.delete("intentId", work.intentId()) == 1;
  }

  /** Which of the intents are remembered as sent already; one query for a batch. */
  public Set<String> sentAmong(Collection<String> intentIds) {
    return intentIds.isEmpty() ? new HashSet<>() : new HashSet<>(sent.sentAmong(intentIds));
  }

  /**
   * Ends a delivery MultiMail accepted and remembers the intent as sent; {@code sentBefore}: the
   * batch's intents already remembered ({@link #sentAmong}, read in the same transaction), to which
   * this one is added.
   */
  public boolean finishSent(
      Work work, String providerEmailId, Instant now, Set<String> sentBefore) {
    if (!finish(work) || !sentBefore.add(work.intentId())) {
      return false;
    }
    SentIntent intent = new SentIntent();
    intent.intentId = work.intentId();
    intent.mailboxId = work.mailboxId();
    intent.providerEmailId = providerEmailId;
    intent.acceptedAt = now;
    sent.persist(intent);
    return true;
  }

  /**
   * Keeps a delivery waiting until {@code due}; false when there is nothing to keep. {@code
   * uncertain}: this try may have reached MultiMail.
   */
  public boolean park(
      Work work,
      int attempts,
      int failures,
      Instant due,
      String error,
      boolean uncertain,
      Instant now) {
    Delivery delivery = deliveries.findById(work.intentId());
    boolean fresh = delivery == null;
    if (fresh) {
      if (work.parked()) {
        return false;
      }
      delivery = newDelivery(work, now);
    } else if (!work.parked()) {
      return false; // the same intent already waits; that delivery carries on
    }
    delivery.attempts = attempts;
    delivery.failures = failures;
    delivery.nextAttemptAt = due;
    delivery.lastError = error == null ? delivery.lastError : Problems.shorten(error);
    if (uncertain && delivery.uncertainSince == null) {
      delivery.uncertainSince = now;
    }
    if (fresh) {
      deliveries.persist(delivery);
    }
    return true;
  }

  /** Stops a delivery until an operator decides; false when it is gone already. */
  public boolean holdForOperator(Work work, String error) {
    Delivery delivery = deliveries.findById(work.intentId());
    if (delivery == null) {
      return false;
    }
    delivery.state = Delivery.UNKNOWN;
    delivery.nextAttemptAt = NEVER;
    delivery.lastError = Problems.shorten(error);
    return true;
  }

  private static Delivery newDelivery(Work work, Instant now) {
    Delivery delivery = new Delivery();
    delivery.intentId = work.intentId();
    delivery.mailboxId = work.mailboxId();
    delivery.eventId = work.source().eventId();
    delivery.payload = work.payload();
    delivery.sourcePartition = work.source().partition();
    delivery.sourceOffset = work.source().offset();
    delivery.sourceHeaders = new HashMap<>(work.source().headers());
    delivery.createdAt = now;
    return delivery;
  }
}
