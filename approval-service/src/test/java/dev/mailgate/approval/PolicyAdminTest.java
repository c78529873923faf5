package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static dev.mailgate.approval.Reviews.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ApprovalTestResources
class PolicyAdminTest {

  private static final String ADMIN = TestTokens.admin("root");

  @Test
  void anAdminCreatesAMailboxGrantsARoleAndEveryChangeIsAnEvent() {
    as(ADMIN)
        .body(
            Map.of(
                "address", "new@example.org", "oversight_mode", "autonomous", "review_ttl", "PT1H"))
        .put("/api/mailboxes/mbx_new")
        .then()
        .statusCode(202)
        .body("mailbox.review_ttl", equalTo("PT1H"));
    confirmRaise("mbx_new");
    String before =
        publish(intent("mbx_new", "Analyst", "n@customer.example.com", "Report", "Numbers."));
    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(before)).get(1).get("reason").asText())
        .contains("holds no send grant");

    as(ADMIN)
        .body(Map.of("send", true, "read", true))
        .put("/api/mailboxes/mbx_new/grants/Analyst")
        .then()
        .statusCode(200);
    as(ADMIN)
        .body(Map.of("pattern", "*@customer.example.com", "effect", "allow"))
        .post("/api/mailboxes/mbx_new/rules")
        .then()
        .statusCode(200);

    String after =
        publish(intent("mbx_new", "Analyst", "n@customer.example.com", "Report", "Numbers again."));
    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(after)).get(1).get("state").asText())
        .isEqualTo("approved");
    var changes =
        awaitJson(Topics.POLICIES, 6, node -> "mbx_new".equals(node.path("mailbox_id").asText()));
    assertThat(changes)
        .extracting(c -> c.get("change").asText())
        .containsExactly(
            "mailbox.created",
            "mode.raise.requested",
            "mailbox.updated",
            "mode.raise.confirmed",
            "grant.upserted",
            "rule.added");
    assertThat(changes.get(0).at("/actor/id").asText()).isEqualTo("root");
  }

  @Test
  void aModeChangeIsRecordedWithBeforeAndAfter() {
    as(ADMIN)
        .body(Map.of("oversight_mode", "monitored"))
        .put("/api/mailboxes/mbx_cooldown")
        .then()
        .statusCode(200);

    JsonNode change =
        awaitJson(
                Topics.POLICIES,
                1,
                node ->
                    "mbx_cooldown".equals(node.path("mailbox_id").asText())
                        && "mailbox.updated".equals(node.path("change").asText()))
            .get(0);
    assertThat(change.at("/before/oversight_mode").asText()).isEqualTo("autonomous");
    assertThat(change.at("/after/oversight_mode").asText()).isEqualTo("monitored");
    as(ADMIN)
        .body(Map.of("oversight_mode", "autonomous"))
        .put("/api/mailboxes/mbx_cooldown")
        .then()
        .statusCode(202);
    confirmRaise("mbx_cooldown");
  }

  /** A second administrator confirms the mailbox's pending raise. */
  private static void confirmRaise(String mailbox) {
    String change =
        as(ADMIN).get("/api/mailboxes/{id}/mode-changes", mailbox).then().extract().path("[0].id");
    as(TestTokens.admin("second-admin"))
        .post("/api/mailboxes/{id}/mode-changes/{change}/confirm", mailbox, change)
        .then()
        .statusCode(200);
  }

  @Test
  void badPolicyInputIsAClearError() {
    as(ADMIN)
        .body(Map.of("oversight_mode", "yolo"))
        .put("/api/mailboxes/mbx_x")
        .then()
        .statusCode(400)
        .body(
            "detail",
            equalTo(
                "'yolo' is not one of read_only, gated_all, gated_send, monitored, autonomous"));
    as(ADMIN)
        .body(Map.of("max_recipients", 500))
        .put("/api/mailboxes/mbx_x")
        .then()
        .statusCode(400);
    as(ADMIN).body("{not json").put("/api/mailboxes/mbx_x").then().statusCode(400);
    as(ADMIN)
        .body(Map.of("pattern", "not a pattern", "effect", "allow"))
        .post("/api/mailboxes/mbx_auto/rules")
        .then()
        .statusCode(400);
    as(ADMIN)
        .body(Map.of("send", true, "read", true))
        .put("/api/mailboxes/mbx_missing/grants/X")
        .then()
        .statusCode(404);
    as(ADMIN)
        .body(Map.of())
        .put("/api/mailboxes/{id}", "bad id with spaces")
        .then()
        .statusCode(400);
    as(ADMIN).get("/api/mailboxes/mbx_missing").then().statusCode(404);
  }
}
