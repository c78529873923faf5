package dev.mailgate.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.PostgresTestResource;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AuditKafkaResource.class)
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_audit"))
class QueryApiTest {

  private Flow flow;

  @BeforeEach
  void recordAFlow() {
    flow = Flow.fresh();
    flow.publish();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> events("mailbox", flow.mailbox()).size() == 6);
  }

  @Test
  void theTimelineOfAnIntentFollowsTheFlowWhateverTheArrivalOrder() {
    as().get("/audit/intents/{id}/timeline", flow.intentId())
        .then()
        .statusCode(200)
        .body("intent_id", is(flow.intentId()))
        .body(
            "events.event_type",
            contains(
                EventTypes.INTENT_SUBMITTED,
                "decision.accepted",
                "decision.held",
                "decision.approved",
                EventTypes.MAIL_APPROVED,
                "outcome.accepted"))
        .body("events[0].role", is("ProductManager"))
        .body("events[0].reasoning", is("customer asked for ETA"))
        .body("events[3].actor.type", is("reviewer"))
        .body("events[3].actor.id", is("rita"))
        .body("events[5].provider_email_id", is("em_" + flow.intentId()))
        .body("events[0].payload.subject", is("Project update"))
        .body("events[0].chain.key", is(flow.mailbox()));
  }

  @Test
  void filtersPageByKeysetWithoutGapsOrRepeats() {
    JsonPath first =
        as().queryParam("mailbox", flow.mailbox())
            .queryParam("limit", 4)
            .get("/audit/events")
            .then()
            .statusCode(200)
            .body("items", hasSize(4))
            .body("next_cursor", notNullValue())
            .extract()
            .jsonPath();
    JsonPath second =
        as().queryParam("mailbox", flow.mailbox())
            .queryParam("limit", 4)
            .queryParam("cursor", first.getString("next_cursor"))
            .get("/audit/events")
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .body("next_cursor", nullValue())
            .extract()
            .jsonPath();
    List<Integer> ids = new ArrayList<>(first.getList("items.id"));
    ids.addAll(second.getList("items.id"));
    assertThat(ids).doesNotHaveDuplicates().hasSize(6);

    assertThat(events("role", "ProductManager", "mailbox", flow.mailbox()))
        .as("an outcome is found under the role whose intent caused it")
        .hasSize(6);
    assertThat(events("event_type", "decision.held", "mailbox", flow.mailbox())).hasSize(1);
    assertThat(events("thread_id", flow.threadId())).hasSize(1);
    assertThat(
            events(
                "team",
                "acme-run-42",
                "mailbox",
                flow.mailbox(),
                "from",
                "2026-11-24T10:00:02Z",
                "to",
                "2026-11-24T10:00:04Z"))
        .hasSize(3);
  }

  @Test
  void theThreadViewShowsInboundAndOutboundWithWhoCausedEachEmail() {
    String emailId = "em_in_" + UUID.randomUUID();
    Trail.publish(
        Topics.INBOUND_RECEIVED,
        flow.mailbox(),
        UUID.randomUUID().toString(),
        EventTypes.INBOUND_RECEIVED,
        flow.reply(emailId, 10));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> events("thread_id", flow.threadId()).size() == 2);

    as().get("/audit/threads/{id}", flow.threadId())
        .then()
        .statusCode(200)
        .body("entries", hasSize(7))
        .body("entries[0].direction", is("outbound"))
        .body("entries[0].caused_by.role", is("ProductManager"))
        .body("entries[0].caused_by.trigger_message_id", is("msg-9f1c"))
        .body("entries[5].event.event_type", is("outcome.accepted"))
        .body("entries[5].caused_by.agent", is("Alice"))
        .body("entries[6].direction", is("inbound"))
        .body("entries[6].caused_by", nullValue())
        .body("entries[6].event.provider_email_id", is(emailId));
  }

  @Test
  void exportsStreamJsonLinesAndCsvForAFilter() {
    String jsonl =
        as().queryParam("mailbox", flow.mailbox())
            .get("/audit/export")
            .then()
            .statusCode(200)
            .contentType("application/x-ndjson")
            .extract()
            .asString();
    assertThat(jsonl.lines())
        .hasSize(6)
        .allSatisfy(
            line ->
                assertThat(JsonPath.from(line).getString("chain.key")).isEqualTo(flow.mailbox()));

    String csv =
        as().queryParam("mailbox", flow.mailbox())
            .queryParam("format", "csv")
            .get("/audit/export")
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asString();
    assertThat(csv.split("\r\n")).hasSize(7);
    assertThat(csv).startsWith("id,occurred_at").contains("customer asked for ETA");
  }

  @Test
  void csvCellsCannotRunAsSpreadsheetFormulas() {
    String mailbox = flow.mailbox();
    Trail.publish(
        Topics.INTENTS,
        mailbox,
        UUID.randomUUID().toString(),
        EventTypes.INTENT_SUBMITTED,
        Map.of(
            "intent_id",
            "int-formula-" + mailbox,
            "mailbox_id",
            mailbox,
            "team",
            "=HYPERLINK(\"x\")"));
    await().atMost(Duration.ofSeconds(30)).until(() -> events("mailbox", mailbox).size() == 7);

    String csv =
        as().queryParam("intent_id", "int-formula-" + mailbox)
            .queryParam("format", "csv")
            .get("/audit/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\"").doesNotContain(",=HYPERLINK");
  }

  private static RequestSpecification as() {
    return given().auth().oauth2(TestTokens.admin("auditor"));
  }

  private static List<Object> events(String... params) {
    RequestSpecification request = as().queryParam("limit", 1000);
    for (int i = 0; i < params.length; i += 2) {
      request.queryParam(params[i], params[i + 1]);
    }
    return request
        .get("/audit/events")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }
}
