package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Reviews.as;
import static dev.mailgate.approval.Reviews.held;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ApprovalTestResources
class ReviewApiTest {

  private static final String CAROL = TestTokens.reviewer("carol", "mbx_gated");

  @Test
  void approvingWithEditsDeliversTheEditedContentAndRecordsTheEdit() {
    String id =
        held("ProductManager", "edit@customer.example.com", "Launch", "We launch Monday!!!");

    as(CAROL)
        .body(
            Map.of(
                "markdown",
                "We plan to launch next week.",
                "cc",
                List.of("pm@example.org"),
                "reason",
                "softer"))
        .post("/api/reviews/{id}/approve", id)
        .then()
        .statusCode(200)
        .body("state", equalTo("approved"))
        .body("edited_fields", contains("markdown", "cc"))
        .body("original_content.markdown", equalTo("We launch Monday!!!"));

    JsonNode approved = awaitJson(Topics.APPROVED, 1, forIntent(id)).get(0);
    assertThat(approved.get("markdown").asText()).isEqualTo("We plan to launch next week.");
    assertThat(approved.at("/cc/0").asText()).isEqualTo("pm@example.org");
    assertThat(approved.at("/approved_by/id").asText()).isEqualTo("carol");
    JsonNode decision = awaitJson(Topics.DECISIONS, 3, forIntent(id)).get(2);
    assertThat(decision.get("state").asText()).isEqualTo("approved");
    assertThat(decision.at("/actor/type").asText()).isEqualTo("reviewer");
    assertThat(decision.get("edited_fields").toString()).isEqualTo("[\"markdown\",\"cc\"]");
  }

  @Test
  void anEditThatBreaksTheContractIsRefusedAndNothingChanges() {
    String id = held("ProductManager", "bad-edit@customer.example.com", "Hello", "Body");

    as(CAROL)
        .body(Map.of("subject", "Hi\r\nBcc: x@evil.example.com"))
        .post("/api/reviews/{id}/approve", id)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");

    as(CAROL)
        .get("/api/reviews/{id}", id)
        .then()
        .statusCode(200)
        .body("item.state", equalTo("held"));
  }

  @Test
  void rejectingSendsTheReasonBackToTheAgent() {
    String id = held("Engineer", "reject@customer.example.com", "Postmortem", "It was DNS.");

    as(CAROL).body(Map.of()).post("/api/reviews/{id}/reject", id).then().statusCode(400);
    as(CAROL)
        .body(Map.of("reason", "Legal must review postmortems first"))
        .post("/api/reviews/{id}/reject", id)
        .then()
        .statusCode(200)
        .body("state", equalTo("rejected"));

    JsonNode decision = awaitJson(Topics.DECISIONS, 3, forIntent(id)).get(2);
    assertThat(decision.get("reason").asText()).isEqualTo("Legal must review postmortems first");
    assertThat(decision.at("/actor/id").asText()).isEqualTo("carol");
    assertThat(Bus.read(Topics.APPROVED, forIntent(id))).isEmpty();
  }

  @Test
  void anItemNoLongerPendingIsAConflictNotASecondDelivery() {
    String id = held("Engineer", "twice@customer.example.com", "Once", "Only once");

    as(CAROL).post("/api/reviews/{id}/approve", id).then().statusCode(200);
    as(CAROL).post("/api/reviews/{id}/approve", id).then().statusCode(409);
    as(CAROL)
        .body(Map.of("reason", "late"))
        .post("/api/reviews/{id}/reject", id)
        .then()
        .statusCode(409);

    assertThat(Bus.read(Topics.APPROVED, forIntent(id))).hasSize(1);
  }

  @Test
  void twoReviewersApprovingAtOnceMakeExactlyOneApproval() throws Exception {
    String dave = TestTokens.reviewer("dave", "mbx_gated");
    String id = held("Engineer", "race@customer.example.com", "Race", "Who wins?");

    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(
            () -> as(CAROL).post("/api/reviews/{id}/approve", id).then().extract().statusCode());
    CompletableFuture<Integer> second =
        CompletableFuture.supplyAsync(
            () -> as(dave).post("/api/reviews/{id}/approve", id).then().extract().statusCode());

    assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
    awaitJson(Topics.APPROVED, 1, forIntent(id));
    assertThat(Bus.read(Topics.DECISIONS, forIntent(id)))
        .filteredOn(r -> Bus.json(r.value()).get("state").asText().equals("approved"))
        .hasSize(1);
  }

  @Test
  void bulkDecisionsReportPerItem() {
    String a = held("Architect", "bulk1@customer.example.com", "Bulk one", "First body");
    String b = held("Architect", "bulk2@customer.example.com", "Bulk two", "Second body");

    as(CAROL)
        .body(
            Map.of(
                "action",
                "reject",
                "intent_ids",
                List.of(a, b, "no-such-intent"),
                "reason",
                "not now"))
        .post("/api/reviews/bulk")
        .then()
        .statusCode(200)
        .body("status", contains(200, 200, 404))
        .body("state[0]", equalTo("rejected"));

    assertThat(awaitJson(Topics.DECISIONS, 3, forIntent(b)).get(2).get("reason").asText())
        .isEqualTo("not now");
  }

  @Test
  void theQueueListsPendingItemsWithKeysetPagination() {
    String role = "Lister";
    for (int i = 0; i < 5; i++) {
      held(
          Bus.intent(
              "mbx_all", role, "list" + i + "@customer.example.com", "Item " + i, "Body " + i));
    }
    String token = TestTokens.reviewer("erin", "mbx_all");

    var first =
        as(token)
            .queryParam("role", role)
            .queryParam("limit", 2)
            .get("/api/reviews")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    var second =
        as(token)
            .queryParam("role", role)
            .queryParam("limit", 10)
            .queryParam("after", first.getString("next"))
            .get("/api/reviews")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(first.getList("items.subject")).containsExactly("Item 0", "Item 1");
    assertThat(second.getList("items.subject")).containsExactly("Item 2", "Item 3", "Item 4");
    assertThat(second.getString("next")).isNull();
    // Another spelling of the role finds the same items (role names compare as RoleNames does).
    assertThat(
            as(token)
                .queryParam("role", "LIS-ter")
                .queryParam("limit", 10)
                .get("/api/reviews")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.subject"))
        .containsExactly("Item 0", "Item 1", "Item 2", "Item 3", "Item 4");
    as(token).queryParam("after", "garbage!").get("/api/reviews").then().statusCode(400);
    as(token).queryParam("limit", 100000).get("/api/reviews").then().statusCode(400);
    as(token).queryParam("role", "x".repeat(300)).get("/api/reviews").then().statusCode(400);
    as(token).queryParam("role", "x".repeat(20_000)).get("/api/reviews").then().statusCode(414);
    as(token)
        .queryParam("role", "' OR 1=1 --")
        .get("/api/reviews")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.empty());
  }

  @Test
  void monitoredMailItemsAreListedForReviewAfterTheFact() {
    String id =
        Bus.publish(
            Bus.intent("mbx_monitored", "Engineer", "mon@customer.example.com", "Deployed", "v3"));
    awaitJson(Topics.DECISIONS, 2, forIntent(id));

    as(TestTokens.reviewer("frank", "mbx_monitored"))
        .queryParam("view", "monitored")
        .get("/api/reviews")
        .then()
        .statusCode(200)
        .body("items.intent_id", hasItem(id));
  }

  @Test
  void acknowledgingMonitoredMailTakesItOffTheListAndTellsTheTrailWhoLooked() {
    String id =
        Bus.publish(
            Bus.intent(
                "mbx_monitored", "Engineer", "ack@customer.example.com", "Rolled out", "v4"));
    awaitJson(Topics.DECISIONS, 2, forIntent(id));
    String frank = TestTokens.reviewer("frank", "mbx_monitored");

    as(TestTokens.reviewer("olga", "mbx_gated"))
        .body(Map.of())
        .post("/api/reviews/{id}/acknowledge", id)
        .then()
        .statusCode(404);
    as(TestTokens.reviewer("Engineer-agent", "mbx_monitored"))
        .body(Map.of())
        .post("/api/reviews/{id}/acknowledge", id)
        .then()
        .statusCode(403);
    as(frank)
        .body(Map.of("note", "x".repeat(2_001)))
        .post("/api/reviews/{id}/acknowledge", id)
        .then()
        .statusCode(400);

    as(frank)
        .body(Map.of("note", "checked the version number"))
        .post("/api/reviews/{id}/acknowledge", id)
        .then()
        .statusCode(200)
        .body("state", equalTo("approved"))
        .body("review_after", equalTo(false))
        .body("acknowledged_by", equalTo("frank"))
        .body("acknowledgement", equalTo("checked the version number"));

    var records = Bus.await(Topics.DECISIONS, 3, forIntent(id));
    var last = records.get(2);
    assertThat(Bus.header(last, "event_type")).isEqualTo("review.acknowledged");
    JsonNode event = Bus.json(last.value());
    assertThat(event.get("state").asText()).isEqualTo("approved");
    assertThat(event.at("/actor/id").asText()).isEqualTo("frank");
    assertThat(event.get("reason").asText())
        .isEqualTo("reviewed after sending: checked the version number");

    as(frank)
        .queryParam("view", "monitored")
        .get("/api/reviews")
        .then()
        .statusCode(200)
        .body("items.intent_id", org.hamcrest.Matchers.not(hasItem(id)));
    as(frank)
        .body(Map.of())
        .post("/api/reviews/{id}/acknowledge", id)
        .then()
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("acknowledged by frank"));
  }

  @Test
  void onlyMonitoredMailIsAcknowledgedAndBulkAcknowledgementReportsEachItem() {
    String held = held("ProductManager", "ack-held@customer.example.com", "Plan", "Draft plan");
    String sent =
        Bus.publish(
            Bus.intent("mbx_monitored", "Engineer", "ack-bulk@customer.example.com", "Bulk", "v5"));
    awaitJson(Topics.DECISIONS, 2, forIntent(sent));

    as(CAROL)
        .body(Map.of())
        .post("/api/reviews/{id}/acknowledge", held)
        .then()
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("not monitored mail"));

    as(TestTokens.reviewer("frank", "mbx_monitored", "mbx_gated"))
        .body(Map.of("action", "acknowledge", "intent_ids", List.of(sent, held)))
        .post("/api/reviews/bulk")
        .then()
        .statusCode(200)
        .body("status", contains(200, 409));
  }
}
