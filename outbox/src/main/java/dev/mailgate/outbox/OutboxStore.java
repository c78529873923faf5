package dev.mailgate.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL of the {@code outbox_event} table, on a connection the caller owns. Plain JDBC, no state. */
public final class OutboxStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A stored message with its relay position. */
  public record Row(long id, OutboxMessage message) {}

  /** A message the broker refused for good, with why. */
  public record Parked(long id, OutboxMessage message, Instant parkedAt, String error) {}

  /** Inserts the messages in one JDBC batch. */
  public void insert(Connection connection, List<OutboxMessage> messages) throws SQLException {
    String sql =
        "INSERT INTO outbox_event (id, event_id, topic, message_key, event_type, payload, headers)"
            + " VALUES (nextval('outbox_event_seq'), ?, ?, ?, ?, ?, ?::jsonb)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (OutboxMessage message : messages) {
        insert.setObject(1, message.eventId());
        insert.setString(2, message.topic());
        insert.setString(3, message.key());
        insert.setString(4, message.eventType());
        insert.setBytes(5, message.payload());
        insert.setString(6, toJson(message.headers()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The oldest {@code limit} messages, locked until the caller's transaction ends. */
  public List<Row> lockOldest(Connection connection, int limit) throws SQLException {
    String sql =
        "SELECT id, event_id, topic, message_key, event_type, payload, headers::text"
            + " FROM outbox_event ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setInt(1, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), message(rs)));
        }
      }
    }
    return rows;
  }

  /** Removes published messages. */
  public void delete(Connection connection, List<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
      Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
      delete.setArray(1, connection.createArrayOf("bigint", ids));
      delete.executeUpdate();
    }
  }

  /** Moves a message the broker refused for good out of the relay's way, keeping its bytes. */
  public void park(Connection connection, Row row, String error) throws SQLException {
    try (PreparedStatement park =
            connection.prepareStatement(
                "INSERT INTO outbox_parked"
                    + " (id, event_id, topic, message_key, event_type, payload, headers, created_at, error)"
                    + " SELECT id, event_id, topic, message_key, event_type, payload, headers, created_at, ?"
                    + " FROM outbox_event WHERE id = ?");
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
      park.setString(1, error);
      park.setLong(2, row.id());
      park.executeUpdate();
      delete.setLong(1, row.id());
      delete.executeUpdate();
    }
  }

  /** The parked messages, oldest first. */
  public List<Parked> parked(Connection connection, int limit) throws SQLException {
    String sql =
        "SELECT id, event_id, topic, message_key, event_type, payload, headers::text, parked_at, error"
            + " FROM outbox_parked ORDER BY id LIMIT ?";
    List<Parked> parked = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setInt(1, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          parked.add(
              new Parked(
                  rs.getLong(1), message(rs), rs.getTimestamp(8).toInstant(), rs.getString(9)));
        }
      }
    }
    return parked;
  }

  /** Puts a parked message back at the end of the outbox; returns whether it was there. */
  public boolean requeue(Connection connection, long parkedId) throws SQLException {
    try (PreparedStatement requeue =
            connection.prepareStatement(
                "INSERT INTO outbox_event (id, event_id, topic, message_key, event_type, payload, headers)"
                    + " SELECT nextval('outbox_event_seq'), event_id, topic, message_key, event_type,"
                    + " payload, headers FROM outbox_parked WHERE id = ?");
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM outbox_parked WHERE id = ?")) {
      requeue.setLong(1, parkedId);
      if (requeue.executeUpdate() == 0) {
        return false;
      }
      delete.setLong(1, parkedId);
      delete.executeUpdate();
      return true;
    }
  }

  /** How many messages were parked. */
  public long parkedCount(Connection connection) throws SQLException {
    return count(connection, "SELECT count(*) FROM outbox_parked");
  }

  /** When the oldest waiting message was written, or null when none waits. */
  public Instant oldest(Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT min(created_at) FROM outbox_event");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      Timestamp oldest = rs.getTimestamp(1);
      return oldest == null ? null : oldest.toInstant();
    }
  }

  /** How many messages wait to be relayed. */
  public long backlog(Connection connection) throws SQLException {
    return count(connection, "SELECT count(*) FROM outbox_event");
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (PreparedStatement count = connection.prepareStatement(sql);
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static OutboxMessage message(ResultSet rs) throws SQLException {
    return new OutboxMessage(
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getBytes(6),
        fromJson(rs.getString(7)));
  }

  private static String toJson(Map<String, String> headers) {
    try {
      return JSON.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("headers are not serialisable", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> fromJson(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox headers are not JSON", e);
    }
  }
}
