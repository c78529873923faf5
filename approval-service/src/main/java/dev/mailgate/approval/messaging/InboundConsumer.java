package dev.mailgate.approval.messaging;

import dev.mailgate.approval.service.inbound.InboundGate;
import dev.mailgate.events.InboundEmail;
import dev.mailgate.outbox.consumer.BatchProcessor;
import dev.mailgate.outbox.consumer.KafkaRecords;
import dev.mailgate.outbox.consumer.Parser;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code mail.inbound-received} in batches: each email is held or released in the batch's
 * transaction with its outbox event (a redelivery is a no-op); a record that is not an inbound
 * email goes to {@code mail.inbound-received.dlq}.
 */
@ApplicationScoped
public class InboundConsumer {

  private final BatchProcessor processor;
  private final InboundGate gate;

  public InboundConsumer(BatchProcessor processor, InboundGate gate) {
    this.processor = processor;
    this.gate = gate;
  }

  @Incoming("inbound-received")
  @Blocking
  public void consume(ConsumerRecords<String, byte[]> batch) {
    processor.inTransaction(
        InboundGate.CONSUMER, KafkaRecords.read(batch, InboundConsumer::read), gate::receive);
  }

  static InboundEmail read(byte[] value) throws IOException {
    return Parser.json(
        value,
        InboundEmail.class,
        "an inbound email",
        e -> !Parser.blank(e.emailId()) && !Parser.blank(e.mailboxId()),
        "email_id and mailbox_id are");
  }
}
