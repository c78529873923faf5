package dev.mailgate.approval.messaging;

import dev.mailgate.approval.service.delivery.OutcomeTracker;
import dev.mailgate.events.DeliveryOutcome;
import dev.mailgate.outbox.consumer.BatchProcessor;
import dev.mailgate.outbox.consumer.KafkaRecords;
import dev.mailgate.outbox.consumer.Parser;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code mail.outcomes} in batches to mark review items delivered or failed (idempotent);
 * a record that is not an outcome goes to {@code mail.outcomes.dlq}.
 */
@ApplicationScoped
public class OutcomeConsumer {

  private final BatchProcessor processor;
  private final OutcomeTracker tracker;

  public OutcomeConsumer(BatchProcessor processor, OutcomeTracker tracker) {
    this.processor = processor;
    this.tracker = tracker;
  }

  @Incoming("outcomes")
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    processor.inTransaction(
        OutcomeTracker.CONSUMER, KafkaRecords.read(batch, OutcomeConsumer::read), tracker::apply);
  }

  static DeliveryOutcome read(byte[] value) throws IOException {
    return Parser.json(
        value,
        DeliveryOutcome.class,
        "a delivery outcome",
        o -> o.intentId() != null && o.status() != null,
        "intent_id and status are");
  }
}
