package dev.mailgate.approval.messaging;

import dev.mailgate.approval.service.DeadLetters;
import dev.mailgate.approval.service.InboundGate;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.InboundEmail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code mail.inbound-received}: each email is held or released in one transaction with
 * its outbox event (a redelivery is a no-op); a record that is not an inbound email goes to {@code
 * mail.inbound-received.dlq}.
 */
@ApplicationScoped
public class InboundConsumer {

  private final InboundGate gate;
  private final DeadLetters deadLetters;

  public InboundConsumer(InboundGate gate, DeadLetters deadLetters) {
    this.gate = gate;
    this.deadLetters = deadLetters;
  }

  @Incoming("inbound-received")
  @Blocking
  public void consume(ConsumerRecord<String, byte[]> record) {
    InboundEmail email;
    try {
      email = EventJson.mapper().readValue(record.value(), InboundEmail.class);
      if (email.emailId() == null || email.mailboxId() == null) {
        throw new IOException("email_id and mailbox_id are required");
      }
    } catch (IOException | RuntimeException e) {
      QuarkusTransaction.requiringNew()
          .run(() -> deadLetters.send(record, "not an inbound email: " + e.getMessage()));
      return;
    }
    gate.receive(email);
  }
}
