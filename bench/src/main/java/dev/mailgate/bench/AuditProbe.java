package dev.mailgate.bench;

import dev.mailgate.events.DecisionState;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.OutcomeStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Reads audit-service's store: how many of the run's events are recorded, and when the last event
 * of each intent was. An intent is complete in the audit with its intent, its two decisions
 * (accepted, approved), its {@code mail.approved} record and its outcome: {@link
 * #EVENTS_PER_INTENT} events. Later events of the same intent (MultiMail's {@code delivered}, read
 * by the sent-mail follower) are not counted: with them, the total could reach its mark while some
 * intents still missed one of their five.
 */
final class AuditProbe implements AutoCloseable {

  private static final List<String> COMPLETING =
      List.of(
          EventTypes.INTENT_SUBMITTED,
          EventTypes.decision(DecisionState.ACCEPTED),
          EventTypes.decision(DecisionState.APPROVED),
          EventTypes.MAIL_APPROVED,
          EventTypes.outcome(OutcomeStatus.ACCEPTED));

  static final int EVENTS_PER_INTENT = COMPLETING.size();

  private static final String COMPLETING_EVENTS = " AND event_type = ANY (?)";

  private final Connection connection;
  private final String prefix;

  AuditProbe(String jdbcUrl, String user, String password, String prefix) throws SQLException {
    this.connection = DriverManager.getConnection(jdbcUrl, user, password);
    this.prefix = prefix;
  }

  /** How many audit events carry one of the run's intent ids. */
  long recorded() throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(
            "SELECT count(*) FROM audit_event WHERE intent_id >= ? AND intent_id < ?"
                + " AND intent_id LIKE ?"
                + COMPLETING_EVENTS)) {
      bind(count);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Marks {@link Stage#AUDIT} for every intent with all its events recorded: the last one's time.
   */
  void markComplete(Timeline timeline, ToIntFunction<String> indexOf) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT intent_id, count(*), max(recorded_at) FROM audit_event"
                + " WHERE intent_id >= ? AND intent_id < ? AND intent_id LIKE ?"
                + COMPLETING_EVENTS
                + " GROUP BY intent_id")) {
      bind(select);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          if (rs.getInt(2) >= EVENTS_PER_INTENT) {
            timeline.mark(
                Stage.AUDIT, indexOf.applyAsInt(rs.getString(1)), rs.getTimestamp(3).getTime());
          }
        }
      }
    }
  }

  private void bind(PreparedStatement statement) throws SQLException {
    statement.setString(1, prefix);
    statement.setString(2, prefix + "\uffff");
    statement.setString(3, prefix.replace("_", "\\_").replace("%", "\\%") + "%");
    statement.setArray(4, connection.createArrayOf("text", COMPLETING.toArray()));
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
