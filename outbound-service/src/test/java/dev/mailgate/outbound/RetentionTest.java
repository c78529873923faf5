package dev.mailgate.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.outbox.retention.RetentionPruner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The record of sent intents is kept for its retention (30 days), then pruned in batches. */
@QuarkusTest
@OutboundTestResources
class RetentionTest {

  @Inject RetentionPruner pruner;
  @Inject DataSource dataSource;

  @Test
  void sentIntentsOlderThanTheRetentionArePrunedAndRecentOnesKept() throws SQLException {
    String old = sent("45 days");
    String recent = sent("2 days");

    while (pruner.pruneOnce()) {
      // a full batch came back: more may wait
    }

    assertThat(exists(old)).isFalse();
    assertThat(exists(recent)).as("still guards against a redelivered approval").isTrue();
    assertThat(pruner.kinds()).extracting(k -> k.table()).contains("sent_intent");
  }

  private String sent(String age) throws SQLException {
    String id = "retention-" + UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO sent_intent (intent_id, mailbox_id, provider_email_id, accepted_at)"
                    + " VALUES (?, 'mbx_retention', 'em-1', now() - ?::interval)")) {
      insert.setString(1, id);
      insert.setString(2, age);
      insert.executeUpdate();
    }
    return id;
  }

  private boolean exists(String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT count(*) FROM sent_intent WHERE intent_id = ?")) {
      select.setString(1, id);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }
}
