package dev.mailgate.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The processed-event guard: a consumer records the events it applies in the same transaction as
 * their effect, so a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

  private static final String MARK =
      "INSERT INTO processed_event (consumer, event_id) SELECT ?, unnest(?::text[])"
          + " ON CONFLICT DO NOTHING RETURNING event_id";

  private final DataSource dataSource;

  public ProcessedEvents(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Marks the events processed by {@code consumer}; returns those not seen before. */
  public Set<String> markFirstSeen(String consumer, Collection<String> eventIds) {
    Set<String> first = new HashSet<>();
    if (eventIds.isEmpty()) {
      return first;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(MARK)) {
      insert.setString(1, consumer);
      insert.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
      try (ResultSet rs = insert.executeQuery()) {
        while (rs.next()) {
          first.add(rs.getString(1));
        }
      }
      return first;
    } catch (SQLException e) {
      throw new IllegalStateException("could not record processed events", e);
    }
  }

  /** Which of {@code eventIds} {@code consumer} has processed already; marks nothing. */
  public Set<String> alreadyProcessed(String consumer, Collection<String> eventIds) {
    Set<String> seen = new HashSet<>();
    if (eventIds.isEmpty()) {
      return seen;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT event_id FROM processed_event WHERE consumer = ? AND event_id = ANY (?)")) {
      select.setString(1, consumer);
      select.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          seen.add(rs.getString(1));
        }
      }
      return seen;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read processed events", e);
    }
  }

  /** Whether {@code eventId} is new to {@code consumer}, marking it processed. */
  public boolean markFirstSeen(String consumer, String eventId) {
    return !markFirstSeen(consumer, Set.of(eventId)).isEmpty();
  }
}
