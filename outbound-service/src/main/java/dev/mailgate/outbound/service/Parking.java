package dev.mailgate.outbound.service;

import dev.mailgate.outbound.domain.Delivery;
import dev.mailgate.outbound.domain.DeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The {@code delivery} table as the recorder needs it, inside the caller's transaction. */
@ApplicationScoped
public class Parking {

  private final DeliveryRepository deliveries;

  public Parking(DeliveryRepository deliveries) {
    this.deliveries = deliveries;
  }

  /**
   * Ends a delivery; false when a waiting one was already ended elsewhere (its lease ran out and
   * another instance wrote the outcome), so this result is not reported twice.
   */
  public boolean finish(Work work) {
    // A fresh delivery has no row: intake skips intents that already wait.
    return !work.parked() || deliveries.delete("intentId", work.intentId()) == 1;
  }

  /** Keeps a delivery waiting until {@code due}; false when there is nothing to keep. */
  public boolean park(
      Work work, int attempts, int failures, Instant due, String error, Instant now) {
    Delivery delivery = deliveries.findById(work.intentId());
    boolean fresh = delivery == null;
    if (fresh) {
      if (work.parked()) {
        return false;
      }
      delivery = new Delivery();
      delivery.intentId = work.intentId();
      delivery.mailboxId = work.mailboxId();
      delivery.eventId = work.eventId();
      delivery.payload = work.payload();
      delivery.createdAt = now;
    } else if (!work.parked()) {
      return false; // the same intent already waits; that delivery carries on
    }
    delivery.attempts = attempts;
    delivery.failures = failures;
    delivery.nextAttemptAt = due;
    delivery.lastError = error == null ? delivery.lastError : OutcomeEvents.shorten(error);
    if (fresh) {
      deliveries.persist(delivery);
    }
    return true;
  }
}
