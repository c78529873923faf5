package dev.mailgate.outbox.consumer;

import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import dev.mailgate.outbox.Digest;
import dev.mailgate.outbox.EventPublisher;
import dev.mailgate.outbox.OutboxMessage;
import dev.mailgate.outbox.ProcessedEvents;
import dev.mailgate.outbox.logging.LogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Sends a record a consumer gave up on to its {@code <topic>.dlq}, through the outbox of the
 * caller's transaction: the original key, value and headers plus {@code dead-letter-*} headers
 * saying why, from where and by whom. A value too large to carry again is left out and referenced
 * (position, size, SHA-256) instead. A redelivery of a record already dead-lettered is a no-op.
 */
@ApplicationScoped
public class DeadLetters {

  private final EventPublisher publisher;
  private final ProcessedEvents processed;
  private final MeterRegistry metrics;

  public DeadLetters(EventPublisher publisher, ProcessedEvents processed, MeterRegistry metrics) {
    this.publisher = publisher;
    this.processed = processed;
    this.metrics = metrics;
  }

  /** Dead-letters {@code record} for {@code reason}; call inside a transaction. */
  public void send(String consumer, Received<?> record, String reason) {
    send(consumer, record.ref(), record.value(), reason, null);
  }

  /** Dead-letters {@code record} because processing it failed with {@code failure}. */
  public void send(String consumer, Received<?> record, Throwable failure) {
    send(
        consumer,
        record.ref(),
        record.value(),
        "processing failed: " + Problems.describe(failure),
        failure.getClass().getName());
  }

  /** Dead-letters the record at {@code ref} with these value bytes; call inside a transaction. */
  public void send(String consumer, RecordRef ref, byte[] value, String reason) {
    send(consumer, ref, value, reason, null);
  }

  private void send(
      String consumer, RecordRef ref, byte[] value, String reason, String causeClass) {
    if (!processed.markFirstSeen(consumer + "#dead-letter", ref.position())) {
      return;
    }
    String dlqTopic = Topics.dlq(ref.topic());
    Map<String, String> headers = ref.carriedHeaders();
    headers.put(EventHeaders.DLQ_REASON, Problems.shorten(reason));
    headers.put(EventHeaders.DLQ_TOPIC, ref.topic());
    headers.put(EventHeaders.DLQ_PARTITION, Integer.toString(ref.partition()));
    headers.put(EventHeaders.DLQ_OFFSET, Long.toString(ref.offset()));
    headers.put(EventHeaders.DLQ_CONSUMER, consumer);
    if (causeClass != null) {
      headers.put(EventHeaders.DLQ_CAUSE, causeClass);
    }
    byte[] bytes = value == null ? new byte[0] : value;
    OutboxMessage message = message(ref, dlqTopic, bytes, headers);
    if (EventPublisher.sizeOf(message) > publisher.maxRecordBytes()) {
      headers.put(EventHeaders.DLQ_VALUE_SIZE, Integer.toString(bytes.length));
      headers.put(EventHeaders.DLQ_VALUE_SHA256, Digest.sha256(bytes));
      message = message(ref, dlqTopic, new byte[0], headers);
    }
    publisher.publish(message);
    metrics.counter("mailgate.dead.letters", "topic", dlqTopic).increment();
    try (LogContext context = LogContext.of(ref)) {
      Log.warnf("%s dead-lettered %s to %s: %s", consumer, ref.position(), dlqTopic, reason);
    }
  }

  private static OutboxMessage message(
      RecordRef ref, String dlqTopic, byte[] value, Map<String, String> headers) {
    return new OutboxMessage(
        ref.eventUuid(),
        dlqTopic,
        ref.key(),
        ref.eventType().orElse("dead-letter"),
        value,
        headers);
  }
}
