package dev.mailgate.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

/**
 * Publishes {@code outbox_event} rows to Kafka in id order and deletes them once the broker has
 * acknowledged every record of the batch (at least once: a crash between the acknowledgement and
 * the delete publishes the batch again, with the same {@code event_id}s, which consumers
 * deduplicate). One relay per database works at a time, held by a transaction-scoped advisory lock,
 * so records of one key keep their order across instances.
 */
public final class OutboxRelay {

  static final long ADVISORY_LOCK = 0x6d61696c67617465L;
  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final DataSource dataSource;
  private final Producer<String, byte[]> producer;
  private final OutboxStore store = new OutboxStore();
  private final int batchSize;

  public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, int batchSize) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.batchSize = batchSize;
  }

  /**
   * Publishes one batch; returns how many rows it published (0 when the outbox is empty or another
   * relay holds the lock).
   */
  public int relayOnce() throws SQLException, OutboxRelayException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int published = relayLocked(connection);
        connection.commit();
        return published;
      } catch (SQLException | OutboxRelayException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** Publishes until the outbox is empty; returns the total. */
  public int drain() throws SQLException, OutboxRelayException {
    int total = 0;
    int published;
    while ((published = relayOnce()) > 0) {
      total += published;
    }
    return total;
  }

  private int relayLocked(Connection connection) throws SQLException, OutboxRelayException {
    if (!tryLock(connection)) {
      return 0;
    }
    List<OutboxStore.Row> rows = store.lockOldest(connection, batchSize);
    if (rows.isEmpty()) {
      return 0;
    }
    List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
    for (OutboxStore.Row row : rows) {
      acks.add(producer.send(toRecord(row.message())));
    }
    producer.flush();
    for (Future<RecordMetadata> ack : acks) {
      awaitAck(ack);
    }
    store.delete(connection, rows);
    return rows.size();
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

  private static void awaitAck(Future<RecordMetadata> ack) throws OutboxRelayException {
    try {
      ack.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new OutboxRelayException("Kafka refused an outbox record", e.getCause());
    } catch (TimeoutException e) {
      throw new OutboxRelayException("Kafka did not acknowledge an outbox record in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutboxRelayException("interrupted while publishing the outbox", e);
    }
  }

  static ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(message.topic(), message.key(), message.payload());
    record.headers().add("event_id", bytes(message.eventId().toString()));
    record.headers().add("event_type", bytes(message.eventType()));
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      record.headers().add(header.getKey(), bytes(header.getValue()));
    }
    return record;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
