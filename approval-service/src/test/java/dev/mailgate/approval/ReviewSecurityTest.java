package dev.mailgate.approval;

import static dev.mailgate.approval.Reviews.as;
import static dev.mailgate.approval.Reviews.held;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may do what: every refusal leaves the item as it was. */
@QuarkusTest
@ApprovalTestResources
class ReviewSecurityTest {

  @Test
  void withoutAValidTokenNothingHappens() {
    String id = held("Engineer", "sec1@customer.example.com", "Secure", "Body");

    given().post("/api/reviews/{id}/approve", id).then().statusCode(401);
    as(TestTokens.expired("carol", Set.of("reviewer"), List.of("mbx_gated")))
        .post("/api/reviews/{id}/approve", id)
        .then()
        .statusCode(401);
    as(TestTokens.signedByStranger("carol", Set.of("reviewer"), List.of("mbx_gated")))
        .post("/api/reviews/{id}/approve", id)
        .then()
        .statusCode(401);
    as("not.a.jwt").get("/api/reviews").then().statusCode(401);

    stillHeld(id);
  }

  @Test
  void aReviewerActsOnlyOnTheirMailboxes() {
    String id = held("Engineer", "sec2@customer.example.com", "Secure", "Body");
    String outsider = TestTokens.reviewer("mallory", "mbx_all");

    as(outsider).post("/api/reviews/{id}/approve", id).then().statusCode(404);
    as(outsider).get("/api/reviews/{id}", id).then().statusCode(404);
    as(outsider).queryParam("mailbox", "mbx_gated").get("/api/reviews").then().statusCode(403);
    as(outsider).get("/api/reviews").then().statusCode(200);

    stillHeld(id);
  }

  @Test
  void nobodyApprovesTheirOwnEmail() {
    String id = held("Engineer", "self@customer.example.com", "Mine", "Body");
    String agentItself = TestTokens.reviewer("Engineer-agent", "mbx_gated");

    as(agentItself)
        .post("/api/reviews/{id}/approve", id)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body(
            "detail",
            equalTo(
                "intent "
                    + id
                    + " was asked for by Engineer-agent: nobody approves their own email"));

    stillHeld(id);
  }

  @Test
  void policyAdministrationIsForAdminsOnly() {
    String reviewer = TestTokens.reviewer("carol", "mbx_gated");
    Map<String, String> change = Map.of("oversight_mode", "autonomous");

    as(reviewer).body(change).put("/api/mailboxes/mbx_gated").then().statusCode(403);
    as(reviewer).get("/api/mailboxes").then().statusCode(403);
    given().get("/api/mailboxes").then().statusCode(401);

    as(TestTokens.admin("root"))
        .get("/api/mailboxes/mbx_gated")
        .then()
        .statusCode(200)
        .body("mailbox.oversight_mode", equalTo("gated_send"));
  }

  @Test
  void aTokenWithoutAReviewerGroupIsForbidden() {
    String agent = TestTokens.token("someone", Set.of("agent"), List.of("*"));

    as(agent).get("/api/reviews").then().statusCode(403);
  }

  private static void stillHeld(String id) {
    as(TestTokens.reviewer("carol", "mbx_gated"))
        .get("/api/reviews/{id}", id)
        .then()
        .statusCode(200)
        .body("item.state", equalTo("held"));
  }
}
