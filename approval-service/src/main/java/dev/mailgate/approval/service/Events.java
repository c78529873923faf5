package dev.mailgate.approval.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mailgate.events.EventJson;
import dev.mailgate.outbox.Outbox;
import dev.mailgate.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Writes contract events to the outbox of the current transaction. */
@ApplicationScoped
public class Events {

  private final Outbox outbox;

  public Events(Outbox outbox) {
    this.outbox = outbox;
  }

  public void publish(String topic, String key, String eventType, Object payload) {
    outbox.add(OutboxMessage.of(topic, key, eventType, json(payload)));
  }

  /** The original record bytes to the dead-letter topic, with why. */
  public void deadLetter(
      String dlqTopic, String key, byte[] original, Map<String, String> headers) {
    byte[] value = original == null ? new byte[0] : original;
    outbox.add(new OutboxMessage(UUID.randomUUID(), dlqTopic, key, "dead-letter", value, headers));
  }

  private static byte[] json(Object payload) {
    try {
      return EventJson.mapper().writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event payload is not serialisable", e);
    }
  }
}
