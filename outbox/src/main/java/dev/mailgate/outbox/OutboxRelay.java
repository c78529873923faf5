package dev.mailgate.outbox;

import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Publishes {@code outbox_event} rows to Kafka in id order and deletes each once the broker has
 * acknowledged it (at least once: a crash between the acknowledgement and the delete publishes it
 * again, with the same {@code event_id}, which consumers deduplicate). A record the broker refuses
 * for good (too large, invalid topic) is parked in {@code outbox_parked} with a reference record on
 * its dead-letter topic, so it never blocks or re-publishes the records behind it; records that
 * failed for a passing reason stay for the next round. One relay per database works at a time, held
 * by a transaction-scoped advisory lock, so records of one key keep their order.
 */
public final class OutboxRelay {

  static final long ADVISORY_LOCK = 0x6d61696c67617465L;
  private static final long SEND_TIMEOUT_SECONDS = 30;

  /** What one round did. */
  public record Round(int published, int parked) {}

  private final DataSource dataSource;
  private final Producer<String, byte[]> producer;
  private final OutboxStore store = new OutboxStore();
  private final int batchSize;
  private final String service;

  public OutboxRelay(
      DataSource dataSource, Producer<String, byte[]> producer, int batchSize, String service) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.batchSize = batchSize;
    this.service = service;
  }

  public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, int batchSize) {
    this(dataSource, producer, batchSize, "mailgate");
  }

  /**
   * Publishes one batch. What the broker took is deleted and what it refused for good is parked,
   * even when other records of the batch failed for a passing reason; those make it throw after the
   * commit, so the caller backs off.
   */
  public Round relayOnce() throws SQLException, OutboxRelayException {
    OutboxRelayException passing;
    Round round;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<OutboxStore.Row> rows =
            tryLock(connection) ? store.lockOldest(connection, batchSize) : List.of();
        List<OutboxStore.Row> published = new ArrayList<>(rows.size());
        int parked = 0;
        passing = null;
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxStore.Row row : rows) {
          acks.add(producer.send(toRecord(row.message())));
        }
        if (!rows.isEmpty()) {
          producer.flush();
        }
        for (int i = 0; i < rows.size(); i++) {
          Throwable failure = awaitAck(acks.get(i));
          if (failure == null) {
            published.add(rows.get(i));
          } else if (refusedForGood(failure)) {
            park(connection, rows.get(i), failure);
            parked++;
          } else if (passing == null) {
            passing = new OutboxRelayException("Kafka did not take an outbox record", failure);
          }
        }
        store.delete(connection, published);
        connection.commit();
        round = new Round(published.size(), parked);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
    if (passing != null) {
      throw passing;
    }
    return round;
  }

  /** Publishes until the outbox is empty; returns the number published. */
  public int drain() throws SQLException, OutboxRelayException {
    int total = 0;
    Round round;
    while ((round = relayOnce()).published() + round.parked() > 0) {
      total += round.published();
    }
    return total;
  }

  private void park(Connection connection, OutboxStore.Row row, Throwable failure)
      throws SQLException {
    String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    store.park(connection, row, error);
    OutboxMessage message = row.message();
    if (Topics.isDlq(message.topic())) {
      return;
    }
    Map<String, String> headers = new HashMap<>(message.headers());
    headers.put(EventHeaders.DLQ_REASON, "the broker refused it for good: " + error);
    headers.put(EventHeaders.DLQ_TOPIC, message.topic());
    headers.put(EventHeaders.DLQ_CONSUMER, service);
    headers.put(EventHeaders.DLQ_PARKED_ID, Long.toString(row.id()));
    headers.put(EventHeaders.DLQ_VALUE_SIZE, Integer.toString(message.payload().length));
    headers.put(EventHeaders.DLQ_VALUE_SHA256, Digest.sha256(message.payload()));
    OutboxMessage reference =
        new OutboxMessage(
            message.eventId(),
            Topics.dlq(message.topic()),
            message.key(),
            message.eventType(),
            new byte[0],
            headers);
    store.insert(connection, List.of(reference));
  }

  /** Failures that trying again cannot cure: the record itself is unacceptable to the broker. */
  static boolean refusedForGood(Throwable failure) {
    return failure instanceof RecordTooLargeException
        || failure instanceof RecordBatchTooLargeException
        || failure instanceof InvalidTopicException
        || failure instanceof InvalidRecordException
        || failure instanceof SerializationException;
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      lock.setLong(1, ADVISORY_LOCK);
      try (ResultSet rs = lock.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** The failure of one send, or null when the broker acknowledged it. */
  private static Throwable awaitAck(Future<RecordMetadata> ack) {
    try {
      ack.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause() == null ? e : e.getCause();
    } catch (TimeoutException e) {
      return e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  static ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(message.topic(), message.key(), message.payload());
    record.headers().add(EventHeaders.EVENT_ID, bytes(message.eventId().toString()));
    record.headers().add(EventHeaders.EVENT_TYPE, bytes(message.eventType()));
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      record.headers().add(header.getKey(), bytes(header.getValue()));
    }
    return record;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
