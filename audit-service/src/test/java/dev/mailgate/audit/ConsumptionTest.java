package dev.mailgate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AuditKafkaResource.class)
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_audit"))
class ConsumptionTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject DataSource db;

  @Test
  void recordsEveryEventOfAFlowWithWhoCausedIt() {
    Flow flow = Flow.fresh();
    flow.publish();

    await().atMost(WAIT).until(() -> Trail.rows(db, "intent_id = ?", flow.intentId()).size() == 6);
    List<Map<String, Object>> rows = Trail.rows(db, "intent_id = ?", flow.intentId());
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.get("chain_key")).isEqualTo(flow.mailbox());
              assertThat(row.get("mailbox_id")).isEqualTo(flow.mailbox());
              assertThat(row.get("error")).isNull();
            });
    Map<String, Object> intent = only(rows, EventTypes.INTENT_SUBMITTED);
    assertThat(intent)
        .containsEntry("role", "ProductManager")
        .containsEntry("agent", "Alice")
        .containsEntry("action", "SendEmail")
        .containsEntry("trigger_message_id", "msg-9f1c")
        .containsEntry("reasoning", "customer asked for ETA")
        .containsEntry("actor_type", "role");
    assertThat(only(rows, "decision.approved"))
        .containsEntry("actor_type", "reviewer")
        .containsEntry("actor_id", "rita");
    assertThat(only(rows, "outcome.accepted"))
        .containsEntry("thread_id", flow.threadId())
        .containsEntry("provider_email_id", "em_" + flow.intentId())
        .containsEntry("actor_id", "outbound-service");
    assertThat(rows).extracting(row -> row.get("chain_seq")).doesNotHaveDuplicates();
  }

  @Test
  void redeliveredEventsDoNotDuplicateRows() {
    Flow flow = Flow.fresh();
    String eventId = UUID.randomUUID().toString();
    for (int i = 0; i < 3; i++) {
      Trail.publish(
          Topics.INTENTS, flow.mailbox(), eventId, EventTypes.INTENT_SUBMITTED, flow.intent());
    }
    Flow marker = flow.inMailbox(flow.mailbox());
    Trail.publish(
        Topics.POLICIES,
        flow.mailbox(),
        UUID.randomUUID().toString(),
        EventTypes.POLICY_CHANGED,
        Map.of("change_id", "chg-1", "mailbox_id", marker.mailbox(), "change", "mailbox.updated"));

    await().atMost(WAIT).until(() -> Trail.rows(db, "mailbox_id = ?", flow.mailbox()).size() == 2);
    assertThat(Trail.rows(db, "event_id = ?", eventId)).hasSize(1);
  }

  @Test
  void anEventReusingAnEarlierEventIdIsRecordedAsANewRow() {
    Flow first = Flow.fresh();
    Flow second = Flow.fresh().inMailbox(first.mailbox());
    String eventId = UUID.randomUUID().toString();
    Trail.publish(
        Topics.INTENTS, first.mailbox(), eventId, EventTypes.INTENT_SUBMITTED, first.intent());
    await().atMost(WAIT).until(() -> Trail.rows(db, "event_id = ?", eventId).size() == 1);

    Trail.publish(
        Topics.INTENTS, first.mailbox(), eventId, EventTypes.INTENT_SUBMITTED, second.intent());
    Trail.publish(
        Topics.INTENTS, first.mailbox(), eventId, EventTypes.INTENT_SUBMITTED, second.intent());

    String marker = UUID.randomUUID().toString();
    Trail.publish(
        Topics.INTENTS, first.mailbox(), marker, EventTypes.INTENT_SUBMITTED, Map.of("n", 1));
    await().atMost(WAIT).until(() -> !Trail.rows(db, "event_id = ?", marker).isEmpty());
    assertThat(Trail.rows(db, "event_id = ?", eventId))
        .extracting(row -> row.get("intent_id"))
        .containsExactly(first.intentId(), second.intentId());
  }

  @Test
  void recordsWithoutHeadersAreKeptOncePerRecord() {
    Flow flow = Flow.fresh();
    RecordMetadata sent = Trail.send(Topics.INTENTS, flow.mailbox(), Trail.json(flow.intent()));

    await().atMost(WAIT).until(() -> !Trail.rows(db, "intent_id = ?", flow.intentId()).isEmpty());
    Map<String, Object> row = Trail.rows(db, "intent_id = ?", flow.intentId()).get(0);
    assertThat(row)
        .containsEntry("source_partition", sent.partition())
        .containsEntry("source_offset", sent.offset());
    assertThat((String) row.get("dedup_key")).matches("mail\\.intents/#[0-9a-f]{64}");
    assertThat(row)
        .containsEntry("event_type", EventTypes.INTENT_SUBMITTED)
        .containsEntry("role", "ProductManager");
  }

  @Test
  void deadLettersAppearWithTheirReasonsAndOriginalBytes() {
    Flow flow = Flow.fresh();
    byte[] original = "{\"intent_id\": \"x\", oops".getBytes(StandardCharsets.UTF_8);
    String eventId = UUID.randomUUID().toString();
    Trail.send(
        Topics.dlq(Topics.INTENTS),
        flow.mailbox(),
        original,
        EventHeaders.EVENT_ID,
        eventId,
        EventHeaders.EVENT_TYPE,
        EventTypes.INTENT_SUBMITTED,
        EventHeaders.DLQ_REASON,
        "malformed_json: Unexpected character",
        EventHeaders.DLQ_TOPIC,
        Topics.INTENTS);

    await().atMost(WAIT).until(() -> !Trail.rows(db, "event_id = ?", eventId).isEmpty());
    Map<String, Object> row = Trail.rows(db, "event_id = ?", eventId).get(0);
    assertThat(row)
        .containsEntry("source_topic", "mail.intents.dlq")
        .containsEntry("dead_letter_reason", "malformed_json: Unexpected character")
        .containsEntry("dead_letter_topic", Topics.INTENTS)
        .containsEntry("chain_key", flow.mailbox());
    assertThat(Base64.getDecoder().decode((String) row.get("raw_value"))).isEqualTo(original);
    assertThat((String) row.get("error")).contains("not JSON");
  }

  @Test
  void hostileRecordsAreRecordedNeverDropped() {
    String mailbox = Flow.fresh().mailbox();
    byte[] nul =
        "{\"mailbox_id\":\"MBX\",\"subject\":\"a\\u0000b\"}"
            .replace("MBX", mailbox)
            .getBytes(StandardCharsets.UTF_8);
    byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, '{', '}'};
    byte[] wrongTypes =
        ("{\"mailbox_id\":\"" + mailbox + "\",\"team\":42,\"role\":[\"x\"]}")
            .getBytes(StandardCharsets.UTF_8);
    Trail.send(Topics.INTENTS, mailbox, nul, EventHeaders.EVENT_ID, "bad id with spaces");
    Trail.send(Topics.DECISIONS, mailbox, notUtf8);
    Trail.send(Topics.OUTCOMES, mailbox, wrongTypes);
    Trail.send(Topics.INBOUND, mailbox, null);

    await().atMost(WAIT).until(() -> Trail.rows(db, "kafka_key = ?", mailbox).size() == 4);
    List<Map<String, Object>> rows = Trail.rows(db, "kafka_key = ?", mailbox);
    assertThat(rows).allSatisfy(row -> assertThat(row.get("error")).isNotNull());
    assertThat(rows)
        .filteredOn(row -> row.get("source_topic").equals(Topics.OUTCOMES))
        .singleElement()
        .satisfies(
            row ->
                assertThat((String) row.get("error"))
                    .contains("team is not a string", "role is not a string"));
  }

  private static Map<String, Object> only(List<Map<String, Object>> rows, String type) {
    return rows.stream()
        .filter(row -> type.equals(row.get("event_type")))
        .findFirst()
        .orElseThrow();
  }
}
