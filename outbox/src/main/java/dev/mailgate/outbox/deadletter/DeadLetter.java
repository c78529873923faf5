package dev.mailgate.outbox.deadletter;

import dev.mailgate.events.EventHeaders;
import dev.mailgate.outbox.consumer.KafkaRecords;
import dev.mailgate.outbox.consumer.RecordRef;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record on a dead-letter topic as operators see it: where it is, why it is there, where it came
 * from, and its value as text (when it is carried and is UTF-8).
 *
 * @param valueOmitted the value was too large to carry and is referenced instead ({@code
 *     originalOffset} on {@code originalTopic})
 */
public record DeadLetter(
    String topic,
    int partition,
    long offset,
    Instant at,
    String key,
    String reason,
    String consumer,
    String originalTopic,
    Integer originalPartition,
    Long originalOffset,
    String eventId,
    String eventType,
    int size,
    boolean valueOmitted,
    String value,
    Map<String, String> headers) {

  /** A dead letter as read; {@code wholeValue} false cuts the value to 2,000 characters. */
  public static DeadLetter of(ConsumerRecord<String, byte[]> record, boolean wholeValue) {
    RecordRef ref = KafkaRecords.ref(record);
    byte[] value = record.value() == null ? new byte[0] : record.value();
    Optional<String> omittedSize = ref.header(EventHeaders.DLQ_VALUE_SIZE);
    return new DeadLetter(
        record.topic(),
        record.partition(),
        record.offset(),
        Instant.ofEpochMilli(record.timestamp()),
        record.key(),
        ref.header(EventHeaders.DLQ_REASON).orElse(null),
        ref.header(EventHeaders.DLQ_CONSUMER).orElse(null),
        ref.header(EventHeaders.DLQ_TOPIC).orElse(null),
        ref.header(EventHeaders.DLQ_PARTITION).map(Integer::valueOf).orElse(null),
        ref.header(EventHeaders.DLQ_OFFSET).map(Long::valueOf).orElse(null),
        ref.header(EventHeaders.EVENT_ID).orElse(null),
        ref.header(EventHeaders.EVENT_TYPE).orElse(null),
        omittedSize.map(Integer::valueOf).orElse(value.length),
        omittedSize.isPresent(),
        text(value, wholeValue ? value.length : 2_000),
        ref.headers());
  }

  /** The value as text when it is UTF-8, else null (binary values are not shown). */
  private static String text(byte[] value, int limit) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString();
      return text.length() > limit ? text.substring(0, limit) + "…" : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** {@code topic/partition@offset}. */
  public String position() {
    return topic + "/" + partition + "@" + offset;
  }
}
