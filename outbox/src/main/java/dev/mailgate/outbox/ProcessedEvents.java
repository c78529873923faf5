package dev.mailgate.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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

  /**
   * Deletes up to {@code limit} marks recorded before {@code before}, oldest first; returns how
   * many. A mark is only needed while its event can still be delivered again, so it may go once the
   * topic no longer holds the event (and no dead-letter replay of it is expected).
   */
  public int pruneBefore(Instant before, int limit) {
    String sql =
        "DELETE FROM processed_event WHERE ctid IN (SELECT ctid FROM processed_event"
            + " WHERE processed_at < ? ORDER BY processed_at LIMIT ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setTimestamp(1, Timestamp.from(before));
      delete.setInt(2, limit);
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not prune processed events", e);
    }
  }
}
