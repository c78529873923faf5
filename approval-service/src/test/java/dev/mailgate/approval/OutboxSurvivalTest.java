package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.events.Topics;
import dev.mailgate.outbox.OutboxRelayRunner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The service stores decisions and stops before publishing them (its relay is not running, as after
 * a crash between commit and relay): nothing reaches Kafka, nothing is lost, and the relay of the
 * next run publishes every event.
 */
@QuarkusTest
@ApprovalTestResources
@TestProfile(OutboxSurvivalTest.RelayDown.class)
class OutboxSurvivalTest {

  /** The relay thread does not start. */
  public static class RelayDown implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mailgate.outbox.relay.enabled", "false");
    }
  }

  @Inject OutboxRelayRunner relay;
  @Inject DataSource dataSource;

  @Test
  void decisionsWaitInTheOutboxUntilARelayPublishesThem() throws Exception {
    String id =
        publish(
            intent(
                "mbx_auto",
                "Engineer",
                "outbox@customer.example.com",
                "Stored",
                "Not yet published."));

    Awaitility.await().until(() -> outboxRowsMentioning(id) == 3);
    assertThat(Bus.read(Topics.DECISIONS, forIntent(id))).isEmpty();

    assertThat(relay.drainNow()).isGreaterThanOrEqualTo(3);

    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(id)))
        .extracting(d -> d.get("state").asText())
        .containsExactly("accepted", "approved");
    assertThat(awaitJson(Topics.APPROVED, 1, forIntent(id))).hasSize(1);
    assertThat(outboxRowsMentioning(id)).isZero();
  }

  private int outboxRowsMentioning(String intentId) throws Exception {
    try (var connection = dataSource.getConnection();
        var query =
            connection.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE position(? in convert_from(payload, 'UTF8')) > 0")) {
      query.setString(1, intentId);
      try (var rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
