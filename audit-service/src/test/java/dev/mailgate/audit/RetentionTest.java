package dev.mailgate.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import dev.mailgate.audit.service.RetentionService;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.PostgresTestResource;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AuditKafkaResource.class)
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_audit"))
class RetentionTest {

  @Inject DataSource db;
  @Inject RetentionService retention;

  @Test
  void pruningAChainPrefixKeepsTheRestVerifiable() {
    Flow flow = Flow.fresh();
    flow.publish();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Trail.rows(db, "chain_key = ?", flow.mailbox()).size() == 6);
    Instant cutoff = Instant.now().plusSeconds(1);

    assertThat(retention.prune(flow.mailbox(), cutoff)).isEqualTo(6);
    assertThat(retention.prune(flow.mailbox(), cutoff)).isZero();
    Trail.publish(
        Topics.POLICIES,
        flow.mailbox(),
        UUID.randomUUID().toString(),
        EventTypes.POLICY_CHANGED,
        Map.of("mailbox_id", flow.mailbox(), "change", "mailbox.updated"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Trail.rows(db, "chain_key = ?", flow.mailbox()).size() == 1);

    given()
        .auth()
        .oauth2(TestTokens.admin("auditor"))
        .get("/audit/chains/{chain}/verify", flow.mailbox())
        .then()
        .statusCode(200)
        .body("intact", is(true))
        .body("rows_checked", is(1))
        .body("head_position", is(7));
  }
}
