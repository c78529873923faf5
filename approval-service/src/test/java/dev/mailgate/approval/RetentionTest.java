package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.events.Topics;
import dev.mailgate.outbox.retention.RetentionPruner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Retention: settled rows older than their retention are pruned in batches; anything still waiting
 * for a person (held, conflict, unacknowledged monitored mail, held inbound mail) stays however
 * old.
 */
@QuarkusTest
@ApprovalTestResources
class RetentionTest {

  @Inject RetentionPruner pruner;
  @Inject DataSource dataSource;

  @Test
  void oldSettledRowsGoAndWhatWaitsForAPersonStays() throws SQLException {
    String sent = publish(intent("mbx_auto", "Engineer", "old1@customer.example.com", "Old", "1"));
    String held = Reviews.held("Engineer", "old2@customer.example.com", "Old held", "2");
    String monitored =
        publish(intent("mbx_monitored", "Engineer", "old3@customer.example.com", "Old mon", "3"));
    String recent =
        publish(intent("mbx_auto", "Engineer", "new1@customer.example.com", "Recent", "4"));
    for (String id : List.of(sent, monitored, recent)) {
      awaitJson(Topics.DECISIONS, 2, forIntent(id));
    }
    String oldReleased = inbound("released");
    String oldHeld = inbound("held");
    for (String id : List.of(sent, held, monitored)) {
      age("UPDATE intent SET received_at = now() - interval '120 days' WHERE intent_id = ?", id);
    }
    for (String id : List.of(oldReleased, oldHeld)) {
      age(
          "UPDATE inbound_email SET received_at = now() - interval '120 days' WHERE email_id = ?",
          id);
    }
    assertThat(count("SELECT count(*) FROM intent_recipient WHERE intent_id = ?", sent))
        .isEqualTo(1);

    while (pruner.pruneOnce()) {
      // a full batch came back: more may wait
    }

    assertThat(existing("intent", "intent_id", List.of(sent, held, monitored, recent)))
        .containsExactlyInAnyOrder(held, monitored, recent);
    assertThat(count("SELECT count(*) FROM intent_recipient WHERE intent_id = ?", sent))
        .as("the pruned intent's recipients go with it")
        .isZero();
    assertThat(existing("inbound_email", "email_id", List.of(oldReleased, oldHeld)))
        .containsExactly(oldHeld);
  }

  private String inbound(String state) throws SQLException {
    String id = "em-" + UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO inbound_email (email_id, mailbox_id, payload, state, received_at)"
                    + " VALUES (?, 'mbx_all', '{}'::jsonb, ?, now())")) {
      insert.setString(1, id);
      insert.setString(2, state);
      insert.executeUpdate();
    }
    return id;
  }

  private void age(String sql, String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      update.setString(1, id);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  private long count(String sql, String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, id);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private List<String> existing(String table, String key, List<String> ids) throws SQLException {
    List<String> found = new ArrayList<>();
    for (String id : ids) {
      if (count("SELECT count(*) FROM " + table + " WHERE " + key + " = ?", id) > 0) {
        found.add(id);
      }
    }
    return found;
  }
}
