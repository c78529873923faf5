package dev.mailgate.outbox;

import java.util.Map;
import java.util.UUID;

/**
 * One record to publish: the topic, its key, the event's identity and type (sent as the {@code
 * event_id} and {@code event_type} headers), the value bytes and any further headers.
 */
public record OutboxMessage(
    UUID eventId,
    String topic,
    String key,
    String eventType,
    byte[] payload,
    Map<String, String> headers) {

  public OutboxMessage {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** A message with a new event id and no further headers. */
  public static OutboxMessage of(String topic, String key, String eventType, byte[] payload) {
    return new OutboxMessage(UUID.randomUUID(), topic, key, eventType, payload, Map.of());
  }
}
