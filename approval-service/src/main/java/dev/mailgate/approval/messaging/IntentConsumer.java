package dev.mailgate.approval.messaging;

import dev.mailgate.approval.service.intake.IntentIntake;
import dev.mailgate.events.validation.IntentReader;
import dev.mailgate.outbox.consumer.BatchProcessor;
import dev.mailgate.outbox.consumer.KafkaRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code mail.intents} in polled batches, one transaction per batch (intents, decisions,
 * dead letters and outbox events together); offsets are committed after it. Infrastructure failures
 * are waited out; a record that fails on its own goes to {@code mail.intents.dlq}.
 */
@ApplicationScoped
public class IntentConsumer {

  public static final String CHANNEL = "intents";

  private final BatchProcessor processor;
  private final IntentIntake intake;
  private final IntentReader reader;

  public IntentConsumer(BatchProcessor processor, IntentIntake intake, IntentReader reader) {
    this.processor = processor;
    this.intake = intake;
    this.reader = reader;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    processor.inTransaction(
        IntentIntake.CONSUMER, KafkaRecords.read(batch, reader::read), intake::take);
  }
}
