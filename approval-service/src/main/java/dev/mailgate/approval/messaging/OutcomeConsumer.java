package dev.mailgate.approval.messaging;

import dev.mailgate.approval.service.DeadLetters;
import dev.mailgate.approval.service.OutcomeTracker;
import dev.mailgate.events.DeliveryOutcome;
import dev.mailgate.events.EventJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code mail.outcomes} to mark review items delivered or failed (idempotent); a record
 * that is not an outcome goes to {@code mail.outcomes.dlq}.
 */
@ApplicationScoped
public class OutcomeConsumer {

  private final OutcomeTracker tracker;
  private final DeadLetters deadLetters;

  public OutcomeConsumer(OutcomeTracker tracker, DeadLetters deadLetters) {
    this.tracker = tracker;
    this.deadLetters = deadLetters;
  }

  @Incoming("outcomes")
  @Blocking
  public void consume(ConsumerRecord<String, byte[]> record) {
    DeliveryOutcome outcome;
    try {
      outcome = EventJson.mapper().readValue(record.value(), DeliveryOutcome.class);
      if (outcome.intentId() == null || outcome.status() == null) {
        throw new IOException("intent_id and status are required");
      }
    } catch (IOException | RuntimeException e) {
      QuarkusTransaction.requiringNew()
          .run(() -> deadLetters.send(record, "not a delivery outcome: " + e.getMessage()));
      return;
    }
    tracker.apply(outcome);
  }
}
