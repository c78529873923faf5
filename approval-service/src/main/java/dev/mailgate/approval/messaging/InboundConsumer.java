package dev.mailgate.approval.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mailgate.approval.service.inbound.InboundGate;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.InboundEmail;
import dev.mailgate.outbox.consumer.BatchProcessor;
import dev.mailgate.outbox.consumer.KafkaRecords;
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
    InboundEmail email;
    try {
      email = EventJson.mapper().readValue(value, InboundEmail.class);
    } catch (JsonProcessingException e) {
      throw new IOException("not an inbound email: " + e.getOriginalMessage(), e);
    }
    if (email == null || blank(email.emailId()) || blank(email.mailboxId())) {
      throw new IOException("not an inbound email: email_id and mailbox_id are required");
    }
    return email;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
