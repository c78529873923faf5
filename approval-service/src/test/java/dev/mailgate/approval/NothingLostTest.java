package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import dev.mailgate.outbox.Digest;
import dev.mailgate.testsupport.Management;
import dev.mailgate.testsupport.PostgresDatabase;
import dev.mailgate.testsupport.PostgresServer;
import dev.mailgate.testsupport.TopicIO;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What used to lose or jam intents: the database going away, a record too large to carry again, an
 * intent without a usable id. Each is accounted for and the records around it flow once.
 */
@QuarkusTest
@ApprovalTestResources
class NothingLostTest {

  @Test
  void aDatabaseOutageMakesTheConsumerWaitAndLosesNothing() {
    int dlqBefore = TopicIO.records(Topics.dlq(Topics.INTENTS)).size();
    PostgresServer.shared().stop();
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        ids.add(publish(intent("mbx_auto", "Engineer", rcpt(), "During the outage " + i, "b")));
      }
      await("readiness DOWN while the database is away")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> given().port(Management.TEST_PORT).get("/q/health/ready").statusCode() == 503);
      assertThat(given().port(Management.TEST_PORT).get("/q/health/ready").asString())
          .contains("waiting since");
    } finally {
      PostgresServer.shared().restart();
    }

    for (String id : ids) {
      assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(id)).get(1).path("state").asText())
          .isEqualTo("approved");
    }
    await("readiness UP again by itself")
        .atMost(Duration.ofSeconds(30))
        .until(() -> given().port(Management.TEST_PORT).get("/q/health/ready").statusCode() == 200);
    assertThat(TopicIO.records(Topics.dlq(Topics.INTENTS))).hasSize(dlqBefore);
  }

  @Test
  void anOversizedIntentIsDeadLetteredByReferenceAndTheRecordsAfterItFlowOnce() {
    String before = publish(intent("mbx_auto", "Engineer", rcpt(), "Before the giant", "b"));
    ObjectNode giant = intent("mbx_auto", "Engineer", rcpt(), "Giant", "x".repeat(2_000_000));
    byte[] bytes = giant.toString().getBytes(StandardCharsets.UTF_8);
    TopicIO.sendGzipped(Topics.INTENTS, "mbx_auto", bytes);
    List<String> after = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      after.add(publish(intent("mbx_auto", "Engineer", rcpt(), "After the giant " + i, "b")));
    }

    String sha256 = Digest.sha256(bytes);
    List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
    await("the giant's dead letter")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              dead.clear();
              TopicIO.records(Topics.dlq(Topics.INTENTS)).stream()
                  .filter(r -> sha256.equals(Bus.header(r, EventHeaders.DLQ_VALUE_SHA256)))
                  .forEach(dead::add);
              return !dead.isEmpty();
            });
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).value()).isEmpty();
    assertThat(Bus.header(dead.get(0), EventHeaders.DLQ_VALUE_SIZE))
        .isEqualTo(Integer.toString(bytes.length));
    assertThat(Bus.header(dead.get(0), EventHeaders.DLQ_REASON)).contains("at most 1000000");
    assertThat(Bus.header(dead.get(0), EventHeaders.DLQ_OFFSET)).isNotBlank();

    List<String> flowing = new ArrayList<>(after);
    flowing.add(before);
    for (String id : flowing) {
      assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(id)).get(1).path("state").asText())
          .isEqualTo("approved");
    }
    // Nothing was published twice: one accepted and one approved decision per intent, once the
    // relay has nothing left to do.
    await("the outbox relayed everything")
        .atMost(Duration.ofSeconds(30))
        .until(NothingLostTest::outboxIsEmpty);
    for (String id : flowing) {
      assertThat(Bus.read(Topics.DECISIONS, forIntent(id))).hasSize(2);
      assertThat(Bus.read(Topics.APPROVED, forIntent(id))).hasSize(1);
    }
  }

  @Test
  void anIntentWithoutAUsableIdIsDeadLetteredWithTheReason() {
    String marker = UUID.randomUUID().toString();
    ObjectNode missing = intent("mbx_auto", "Engineer", rcpt(), "no id " + marker, "b");
    missing.remove("intent_id");
    ObjectNode empty = intent("mbx_auto", "Engineer", rcpt(), "empty id " + marker, "b");
    empty.put("intent_id", "");
    ObjectNode tooLong = intent("mbx_auto", "Engineer", rcpt(), "long id " + marker, "b");
    tooLong.put("intent_id", "i".repeat(129));
    for (ObjectNode idless : List.of(missing, empty, tooLong)) {
      publish(idless);
    }

    List<ConsumerRecord<String, byte[]>> dead =
        Bus.await(
            Topics.dlq(Topics.INTENTS), 3, node -> node.path("subject").asText().endsWith(marker));
    assertThat(dead).hasSize(3);
    assertThat(dead)
        .allSatisfy(r -> assertThat(Bus.header(r, EventHeaders.DLQ_REASON)).contains("intent_id"));
  }

  private static boolean outboxIsEmpty() throws Exception {
    PostgresDatabase db = PostgresServer.shared().database("mailgate_approval");
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox_event")) {
      rs.next();
      return rs.getLong(1) == 0;
    }
  }

  private static String rcpt() {
    return "c-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example.com";
  }
}
