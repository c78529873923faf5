package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Reviews.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Raising a mailbox's autonomy needs a second administrator; lowering it is immediate. */
@QuarkusTest
@ApprovalTestResources
class TwoPersonRuleTest {

  private static final String OLGA = TestTokens.admin("olga");
  private static final String OLGA_AGAIN =
      TestTokens.token(" OLGA\u200B", Set.of("admin", "reviewer"), List.of("*"));
  private static final String PETER = TestTokens.admin("peter");

  @Test
  void aRaiseWaitsForASecondAdministrator() {
    as(OLGA)
        .body(Map.of("address", "tp@example.org"))
        .put("/api/mailboxes/mbx_two")
        .then()
        .statusCode(200);

    String confirm =
        as(OLGA)
            .body(Map.of("oversight_mode", "autonomous", "max_recipients", 7))
            .put("/api/mailboxes/mbx_two")
            .then()
            .statusCode(202)
            .body("mailbox.oversight_mode", equalTo("gated_send"))
            .body("mailbox.max_recipients", equalTo(7))
            .body("pending_raise.change.to", equalTo("autonomous"))
            .extract()
            .path("pending_raise.confirm");
    as(PETER).get("/api/mailboxes/mbx_two/mode-changes").then().body("$", hasSize(1));

    as(OLGA).post(confirm).then().statusCode(403);
    as(OLGA_AGAIN).post(confirm).then().statusCode(403);
    mode("gated_send");

    as(PETER).post(confirm).then().statusCode(200).body("state", equalTo("confirmed"));
    mode("autonomous");
    as(PETER).post(confirm).then().statusCode(409);

    List<JsonNode> changes =
        awaitJson(
            Topics.POLICIES,
            2,
            n ->
                "mbx_two".equals(n.path("mailbox_id").asText())
                    && n.path("change").asText().startsWith("mode.raise"));
    assertThat(changes)
        .extracting(c -> c.get("change").asText())
        .containsExactly("mode.raise.requested", "mode.raise.confirmed");
    assertThat(changes.get(1).at("/actor/id").asText()).isEqualTo("peter");
  }

  @Test
  void loweringIsImmediateAndAStaleRaiseCannotBeConfirmed() {
    as(OLGA)
        .body(Map.of("address", "tp3@example.org"))
        .put("/api/mailboxes/mbx_three")
        .then()
        .statusCode(200);
    String confirm =
        as(OLGA)
            .body(Map.of("oversight_mode", "monitored"))
            .put("/api/mailboxes/mbx_three")
            .then()
            .statusCode(202)
            .extract()
            .path("pending_raise.confirm");

    as(PETER)
        .body(Map.of("oversight_mode", "read_only"))
        .put("/api/mailboxes/mbx_three")
        .then()
        .statusCode(200)
        .body("mailbox.oversight_mode", equalTo("read_only"));
    as(PETER).post(confirm).then().statusCode(409);
    as(PETER)
        .get("/api/mailboxes/mbx_three")
        .then()
        .body("mailbox.oversight_mode", equalTo("read_only"));
  }

  @Test
  void aNewMailboxCannotStartMoreAutonomousThanTheDefault() {
    as(OLGA)
        .body(Map.of("oversight_mode", "autonomous"))
        .put("/api/mailboxes/mbx_four")
        .then()
        .statusCode(202)
        .body("mailbox.oversight_mode", equalTo("gated_send"));
    as(OLGA)
        .body(Map.of())
        .post("/api/mailboxes/mbx_four/mode-changes/not-a-uuid/confirm")
        .then()
        .statusCode(400);
  }

  private static void mode(String expected) {
    as(PETER)
        .get("/api/mailboxes/mbx_two")
        .then()
        .body("mailbox.oversight_mode", equalTo(expected));
  }
}
