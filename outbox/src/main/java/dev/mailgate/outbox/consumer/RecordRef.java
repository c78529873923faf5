package dev.mailgate.outbox.consumer;

import dev.mailgate.events.EventHeaders;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a consumed record came from, without Kafka types: its position, key and headers (as UTF-8
 * text). Enough to dead-letter it, to recognise a redelivery, and to tell a replay from the
 * original.
 */
public record RecordRef(
    String topic,
    int partition,
    long offset,
    long timestamp,
    String key,
    Map<String, String> headers) {

  public RecordRef {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** {@code topic/partition@offset}: unique per record, the same for every redelivery of it. */
  public String position() {
    return topic + "/" + partition + "@" + offset;
  }

  /** A header's value, if present and not blank. */
  public Optional<String> header(String name) {
    String value = headers.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** The producer's {@code event_id}, or the position when the record has none. */
  public String eventId() {
    return header(EventHeaders.EVENT_ID).orElseGet(this::position);
  }

  /** The {@code event_type} header, or empty. */
  public Optional<String> eventType() {
    return header(EventHeaders.EVENT_TYPE);
  }

  /** For a record replayed from a dead-letter topic: which dead letter it replays. */
  public Optional<String> replayOf() {
    return header(EventHeaders.REPLAY_OF);
  }

  /**
   * The identity a consumer records as processed: the event id, qualified by the dead letter it was
   * replayed from, so each replay is applied once and the original's mark does not hide it.
   */
  public String processingKey() {
    return replayOf().map(dlq -> eventId() + "#replay:" + dlq).orElseGet(this::eventId);
  }

  /**
   * The headers a copy of this record carries on (to a dead-letter topic or back from one): all but
   * {@code dead-letter-*}, {@code event_id} and {@code event_type}, which the copy sets anew.
   */
  public Map<String, String> carriedHeaders() {
    Map<String, String> carried = new HashMap<>();
    headers.forEach(
        (name, text) -> {
          if (!name.startsWith(EventHeaders.DLQ_PREFIX)
              && !name.equals(EventHeaders.EVENT_ID)
              && !name.equals(EventHeaders.EVENT_TYPE)) {
            carried.put(name, text);
          }
        });
    return carried;
  }

  /** The producer's event id as a UUID, or a new one when the record has none that parses. */
  public UUID eventUuid() {
    try {
      return UUID.fromString(eventId());
    } catch (IllegalArgumentException e) {
      return UUID.randomUUID();
    }
  }
}
