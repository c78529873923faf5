package dev.mailgate.agent;

import dev.mailgate.events.Actor;
import dev.mailgate.events.DecisionEvent;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.DeliveryOutcome;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.InboundEmail;
import dev.mailgate.events.OutcomeStatus;
import dev.mailgate.events.Problem;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays approval-service and outbound-service in tests: writes their records as they would. */
final class MailGateSide implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;

  MailGateSide(KafkaBroker broker) {
    producer =
        new KafkaProducer<>(
            broker.clientProperties(), new StringSerializer(), new ByteArraySerializer());
  }

  void decide(EmailDraft draft, DecisionState state, String reason, List<Problem> problems) {
    DecisionEvent event =
        new DecisionEvent(
            draft.intentId(),
            draft.mailboxId(),
            state,
            reason == null ? Actor.policy() : Actor.reviewer("carol@example.org"),
            reason,
            problems,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            Instant.now());
    send(Topics.DECISIONS, draft.mailboxId(), EventTypes.decision(state), event);
  }

  void deliver(EmailDraft draft, OutcomeStatus status, String providerEmailId, String error) {
    DeliveryOutcome outcome =
        new DeliveryOutcome(
            draft.intentId(),
            draft.mailboxId(),
            status,
            1,
            providerEmailId,
            null,
            null,
            null,
            error,
            null,
            Instant.now());
    send(Topics.OUTCOMES, draft.mailboxId(), EventTypes.outcome(status), outcome);
  }

  void release(String mailboxId, String emailId, String subject) {
    release(mailboxId, emailId, subject, Map.of("*", true));
  }

  void release(String mailboxId, String emailId, String subject, Map<String, Boolean> readGrants) {
    InboundEmail email =
        new InboundEmail(
            emailId,
            mailboxId,
            "th_" + emailId,
            "customer@example.com",
            List.of("support@example.org"),
            List.of(),
            subject,
            "Hello",
            List.of(),
            Instant.now(),
            null);
    send(
        Topics.INBOUND,
        mailboxId,
        EventTypes.INBOUND_RELEASED,
        email.released(Actor.policy(), readGrants));
  }

  private void send(String topic, String key, String eventType, Object payload) {
    try {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(topic, key, EventJson.mapper().writeValueAsBytes(payload));
      record.headers().add(EventHeaders.EVENT_ID, bytes(UUID.randomUUID().toString()));
      record.headers().add(EventHeaders.EVENT_TYPE, bytes(eventType));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not write a test record", e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
  }
}
