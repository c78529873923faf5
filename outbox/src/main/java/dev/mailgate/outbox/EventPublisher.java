package dev.mailgate.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mailgate.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Writes contract events to the outbox of the current transaction: serialised with the contract's
 * JSON, and bounded in size before they are written, so that nothing a service produces can be
 * refused by the broker for its size ({@code mailgate.outbox.max-record-bytes}).
 */
@ApplicationScoped
public class EventPublisher {

  private final Outbox outbox;
  private final int maxRecordBytes;

  public EventPublisher(Outbox outbox, OutboxConfig config) {
    this.outbox = outbox;
    this.maxRecordBytes = config.maxRecordBytes();
  }

  /** Publishes {@code payload} as JSON with a new event id; returns the id. */
  public UUID publish(String topic, String key, String eventType, Object payload) {
    return publish(topic, key, eventType, payload, Map.of());
  }

  /** Publishes {@code payload} as JSON with a new event id and further headers. */
  public UUID publish(
      String topic, String key, String eventType, Object payload, Map<String, String> headers) {
    OutboxMessage message =
        new OutboxMessage(UUID.randomUUID(), topic, key, eventType, json(payload), headers);
    publish(message);
    return message.eventId();
  }

  /** Publishes a prepared message; throws {@link OversizedEventException} if it is too large. */
  public void publish(OutboxMessage message) {
    int size = sizeOf(message);
    if (size > maxRecordBytes) {
      throw new OversizedEventException(message.topic(), size, maxRecordBytes);
    }
    outbox.add(message);
  }

  /** The largest record, value plus key and headers, this service publishes. */
  public int maxRecordBytes() {
    return maxRecordBytes;
  }

  /** Bytes of the record's value, key and headers, as the broker counts them (roughly). */
  public static int sizeOf(OutboxMessage message) {
    int size = message.payload() == null ? 0 : message.payload().length;
    size += utf8(message.key()) + utf8(message.topic()) + utf8(message.eventType()) + 64;
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      size += utf8(header.getKey()) + utf8(header.getValue()) + 8;
    }
    return size;
  }

  /** The payload as the contract's JSON bytes. */
  public static byte[] json(Object payload) {
    try {
      return EventJson.mapper().writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event payload is not serialisable", e);
    }
  }

  private static int utf8(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }
}
