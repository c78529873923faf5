package dev.mailgate.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.mailgate.audit.service.ChainSelfCheck;
import dev.mailgate.testsupport.Management;
import dev.mailgate.testsupport.PostgresTestResource;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Direct edits of the database, as an intruder with table access would make them. */
@QuarkusTest
@WithTestResource(AuditKafkaResource.class)
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_audit"))
class ChainTamperTest {

  private static final String ADMIN = TestTokens.admin("auditor");

  @Inject DataSource db;
  @Inject ChainSelfCheck selfCheck;

  private Flow flow;

  @BeforeEach
  void recordAFlow() {
    flow = Flow.fresh();
    flow.publish();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Trail.rows(db, "chain_key = ?", flow.mailbox()).size() == 6);
    Trail.execute(db, "create table if not exists tamper_backup (like audit_event)");
  }

  @Test
  void anUntouchedChainVerifies() {
    verify()
        .body("intact", is(true))
        .body("rows_checked", is(6))
        .body("head_position", is(6))
        .body("first_break", nullValue());
  }

  @Test
  void anAlteredPayloadIsReportedAtItsRow() {
    Map<String, Object> row = row(3);
    Trail.execute(
        db,
        "update audit_event set payload = jsonb_set(payload, '{reason}', '\"nothing to see\"') where id = ?",
        row.get("id"));

    String actual =
        verify()
            .body("intact", is(false))
            .body("first_break.kind", is("altered"))
            .body("first_break.position", is(3))
            .body("first_break.row_id", is(((Long) row.get("id")).intValue()))
            .body("first_break.expected_hash", is(row.get("hash")))
            .extract()
            .path("first_break.actual_hash");
    assertThat(actual).isNotEqualTo(row.get("hash")).hasSize(64);

    Trail.execute(
        db,
        "update audit_event set payload = ?::jsonb where id = ?",
        row.get("payload").toString(),
        row.get("id"));
    verify().body("intact", is(true));
  }

  @Test
  void aDeletedRowIsReportedAsMissing() {
    Map<String, Object> next = row(5);
    move(4, "audit_event", "tamper_backup");

    verify()
        .body("intact", is(false))
        .body("first_break.kind", is("missing"))
        .body("first_break.position", is(4))
        .body("first_break.row_id", is(((Long) next.get("id")).intValue()))
        .body("first_break.actual_hash", is(next.get("prev_hash")));

    move(4, "tamper_backup", "audit_event");
    verify().body("intact", is(true));
  }

  @Test
  void aDeletedLastRowIsReportedAgainstTheChainHead() {
    Map<String, Object> last = row(6);
    move(6, "audit_event", "tamper_backup");

    verify()
        .body("first_break.kind", is("missing"))
        .body("first_break.position", is(6))
        .body("first_break.row_id", nullValue())
        .body("first_break.expected_hash", is(last.get("hash")));

    move(6, "tamper_backup", "audit_event");
    verify().body("intact", is(true));
  }

  @Test
  void swappedRowsAreReportedAsReordered() {
    Map<String, Object> third = row(3);
    swap(2, 3);

    verify()
        .body("intact", is(false))
        .body("first_break.kind", is("reordered"))
        .body("first_break.position", is(2))
        .body("first_break.row_id", is(((Long) third.get("id")).intValue()));

    swap(2, 3);
    verify().body("intact", is(true));
  }

  @Test
  void theSelfCheckReportsABrokenChainInHealthAndMetrics() {
    Map<String, Object> row = row(2);
    Trail.execute(
        db, "update audit_event set actor_id = 'someone-else' where id = ?", row.get("id"));
    try {
      assertThat(selfCheck.run().brokenChains())
          .extracting(r -> r.chain())
          .contains(flow.mailbox());
      given()
          .port(Management.TEST_PORT)
          .get("/q/health/well")
          .then()
          .statusCode(503)
          .body("checks.find { it.name == 'audit-chains' }.status", is("DOWN"))
          .body(
              "checks.find { it.name == 'audit-chains' }.data.broken_" + flow.mailbox(),
              equalTo("altered at position 2"));
      assertThat(given().port(Management.TEST_PORT).get("/q/metrics").asString())
          .contains("mailgate_audit_chains_broken");
    } finally {
      Trail.execute(
          db,
          "update audit_event set actor_id = ? where id = ?",
          row.get("actor_id"),
          row.get("id"));
    }
    assertThat(selfCheck.run().brokenChains())
        .extracting(r -> r.chain())
        .doesNotContain(flow.mailbox());
  }

  private ValidatableResponse verify() {
    return given()
        .auth()
        .oauth2(ADMIN)
        .get("/audit/chains/{chain}/verify", flow.mailbox())
        .then()
        .statusCode(200)
        .body("chain", is(flow.mailbox()));
  }

  private Map<String, Object> row(int position) {
    return Trail.rows(db, "chain_key = ? and chain_seq = ?", flow.mailbox(), position).get(0);
  }

  private void move(int position, String from, String to) {
    Trail.execute(
        db,
        "with gone as (delete from "
            + from
            + " where chain_key = ? and chain_seq = ? returning *) insert into "
            + to
            + " select * from gone",
        flow.mailbox(),
        position);
  }

  private void swap(int a, int b) {
    Trail.execute(
        db,
        "update audit_event set chain_seq = -1 where chain_key = ? and chain_seq = ?",
        flow.mailbox(),
        a);
    Trail.execute(
        db,
        "update audit_event set chain_seq = ? where chain_key = ? and chain_seq = ?",
        a,
        flow.mailbox(),
        b);
    Trail.execute(
        db,
        "update audit_event set chain_seq = ? where chain_key = ? and chain_seq = -1",
        b,
        flow.mailbox());
  }
}
