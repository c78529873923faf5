package dev.mailgate.approval;

import static dev.mailgate.approval.Reviews.as;
import static dev.mailgate.approval.Reviews.held;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every right is scoped to the token's mailboxes: an empty or missing claim means none, admins
 * included; the self-approval rule sees through case, spaces and invisible characters.
 */
@QuarkusTest
@ApprovalTestResources
class ScopeTest {

  @Test
  void anEmptyOrMissingMailboxClaimSeesNoMailbox() {
    held("Engineer", "scope1@customer.example.com", "Scoped", "Body");
    String empty = TestTokens.token("erin", Set.of("reviewer", "admin"), List.of());
    String missing =
        TestTokens.sign(
            TestTokens.claims("erin", Set.of("reviewer", "admin"), List.of())
                .remove("mailboxes")
                .expiresIn(Duration.ofHours(1)));

    for (String token : List.of(empty, missing)) {
      as(token).get("/api/reviews").then().statusCode(200).body("items", empty());
      as(token)
          .queryParam("view", "monitored")
          .get("/api/reviews")
          .then()
          .statusCode(200)
          .body("items", empty());
      as(token).get("/api/inbound").then().statusCode(200).body("$", empty());
      as(token).get("/api/mailboxes").then().statusCode(200).body("$", empty());
      as(token).get("/api/mailboxes/mbx_gated").then().statusCode(403);
    }
  }

  @Test
  void anAdminOfOneMailboxNeitherReadsNorChangesAnother() {
    String adminOfRate = TestTokens.token("ada", Set.of("admin", "reviewer"), List.of("mbx_rate"));

    as(adminOfRate)
        .get("/api/mailboxes")
        .then()
        .statusCode(200)
        .body("mailbox.id", everyItem(equalTo("mbx_rate")))
        .body("mailbox.id", hasItem("mbx_rate"));
    as(adminOfRate).get("/api/mailboxes/mbx_gated").then().statusCode(403);
    as(adminOfRate)
        .body(Map.of("oversight_mode", "autonomous"))
        .put("/api/mailboxes/mbx_gated")
        .then()
        .statusCode(403);
    as(adminOfRate)
        .body(Map.of("send", true, "read", true))
        .put("/api/mailboxes/mbx_gated/grants/Intruder")
        .then()
        .statusCode(403);
    as(adminOfRate)
        .body(Map.of("pattern", "*@evil.example.com", "effect", "allow"))
        .post("/api/mailboxes/mbx_gated/rules")
        .then()
        .statusCode(403);
    as(TestTokens.admin("root"))
        .get("/api/mailboxes/mbx_gated")
        .then()
        .body("mailbox.oversight_mode", equalTo("gated_send"))
        .body("grants.role", not(hasItem("Intruder")));
  }

  @Test
  void theSelfApprovalRuleComparesNormalisedIdentities() {
    String id = held("Engineer", "self2@customer.example.com", "Mine", "Body");

    for (String disguise :
        List.of("engineer-agent", "ENGINEER-AGENT", " Engineer-agent", "Engineer-agent\u200B")) {
      as(TestTokens.reviewer(disguise, "mbx_gated"))
          .post("/api/reviews/{id}/approve", id)
          .then()
          .statusCode(403);
    }
    as(TestTokens.reviewer("carol", "mbx_gated"))
        .get("/api/reviews/{id}", id)
        .then()
        .body("item.state", equalTo("held"));
  }
}
