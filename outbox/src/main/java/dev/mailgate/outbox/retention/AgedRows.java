package dev.mailgate.outbox.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Settled rows of one table that may go once older than {@code retention}: {@code settled} is the
 * SQL condition, with one {@code ?} for the cut-off time (e.g. {@code received_at < ? AND state <>
 * 'held'}). A zero retention keeps them forever.
 */
public record AgedRows(String table, String settled, Duration retention) {

  /** Deletes at most {@code limit} of them as of {@code now}; returns how many went. */
  public int prune(DataSource dataSource, Instant now, int limit) {
    if (retention.isZero()) {
      return 0;
    }
    String sql =
        "DELETE FROM "
            + table
            + " WHERE ctid IN (SELECT ctid FROM "
            + table
            + " WHERE "
            + settled
            + " LIMIT ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setTimestamp(1, Timestamp.from(now.minus(retention)));
      delete.setInt(2, limit);
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not prune " + table, e);
    }
  }
}
