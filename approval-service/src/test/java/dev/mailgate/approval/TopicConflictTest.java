package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static dev.mailgate.approval.Reviews.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conflicts by subject matter: unrelated emails go out, contradictions are held with the facts. */
@QuarkusTest
@ApprovalTestResources
class TopicConflictTest {

  @Test
  void twoRolesWritingAboutUnrelatedThingsToOneCustomerInAnAutonomousMailboxBothGoOut() {
    String billing =
        publish(
            intent(
                "mbx_auto",
                "BillingAgent",
                "dana@globex.example.com",
                "Invoice INV-2291",
                "Hi Dana,\n\nInvoice INV-2291 for $1,200 is attached; payment is due on"
                    + " December 15.\n\nBest,\nFrank"));
    awaitJson(Topics.DECISIONS, 2, forIntent(billing));
    String product =
        publish(
            intent(
                "mbx_auto",
                "ProductManager",
                "dana@globex.example.com",
                "New dashboard filters",
                "Hello Dana,\n\nThe analytics dashboard now has saved filters and a dark mode,"
                    + " live since Monday.\n\nKind regards,\nAlice"));

    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(billing)).get(1).get("state").asText())
        .isEqualTo("approved");
    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(product)).get(1).get("state").asText())
        .isEqualTo("approved");
    assertThat(awaitJson(Topics.APPROVED, 1, forIntent(product))).hasSize(1);
  }

  @Test
  void aDateContradictionIsHeldAndTheReviewQueueShowsWhoSaysWhat() {
    // the two-role conflict of ./mailgate demo, word for word
    String pm =
        publish(
            intent(
                "mbx_auto",
                "ProductManager",
                "bo@initech.example.com",
                "Export feature ships on December 3",
                "Hello,\n\nThe export feature ships on **December 3**.\n\n— Alice"));
    awaitJson(Topics.DECISIONS, 2, forIntent(pm));
    String arch =
        publish(
            intent(
                "mbx_auto",
                "Architect",
                "bo@initech.example.com",
                "Export feature: new date",
                "Hi,\n\nThe export feature needs one more week; expect December 10.\n\n— Bob"));

    JsonNode decision = awaitJson(Topics.DECISIONS, 2, forIntent(arch)).get(1);
    assertThat(decision.get("state").asText()).isEqualTo("conflict");
    assertThat(decision.get("reason").asText()).contains("role ProductManager", "date");
    JsonPath queue =
        as(TestTokens.reviewer("rita", "mbx_auto"))
            .queryParam("conflict_id", decision.get("conflict_id").asText())
            .get("/api/reviews")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(queue.getList("items.intent_id")).containsExactly(arch);
    assertThat(queue.getString("items[0].conflict_facts[0].kind")).isEqualTo("date");
    assertThat(queue.getString("items[0].conflict_facts[0].mine")).isEqualTo("December 10");
    assertThat(queue.getString("items[0].conflict_facts[0].theirs")).isEqualTo("December 3");
    assertThat(queue.getString("items[0].conflict_facts[0].other_intent_id")).isEqualTo(pm);
    assertThat(queue.getString("items[0].conflict_facts[0].says"))
        .isEqualTo("Architect says December 10; ProductManager says December 3");
  }

  @Test
  void inAGatedMailboxTheHeldOriginalShowsTheContradictionFromItsSide() {
    String sales =
        publish(
            intent(
                "mbx_gated",
                "ProductManager",
                "cy@umbrella.example.com",
                "Renewal price",
                "Your annual renewal is $4,800 with a 10% discount."));
    awaitJson(Topics.DECISIONS, 2, forIntent(sales));
    String arch =
        publish(
            intent(
                "mbx_gated",
                "Architect",
                "cy@umbrella.example.com",
                "Renewal price",
                "Your renewal comes to USD 5,200 a year, with a 10 percent discount."));
    String group =
        awaitJson(Topics.DECISIONS, 2, forIntent(arch)).get(1).get("conflict_id").asText();
    awaitJson(Topics.DECISIONS, 3, forIntent(sales));

    as(TestTokens.reviewer("rita", "mbx_gated"))
        .get("/api/conflicts/{id}", group)
        .then()
        .statusCode(200)
        .body("find { it.intent_id == '" + sales + "' }.conflict_facts[0].kind", equalTo("amount"))
        .body(
            "find { it.intent_id == '" + sales + "' }.conflict_facts[0].says",
            equalTo("ProductManager says $4,800; Architect says USD 5,200"))
        .body("find { it.intent_id == '" + arch + "' }.conflict_facts.size()", equalTo(1));
  }

  @Test
  void conflictScopeAndThresholdsAreMailboxSettingsWithClearErrors() {
    String admin = TestTokens.admin("root");
    as(admin)
        .body(Map.of("conflict_scope", "sometimes"))
        .put("/api/mailboxes/mbx_thresholds")
        .then()
        .statusCode(400)
        .body("detail", containsString("topic, any_role"));
    as(admin)
        .body(Map.of("topic_similarity", 1.5))
        .put("/api/mailboxes/mbx_thresholds")
        .then()
        .statusCode(400)
        .body("detail", containsString("topic_similarity must be between 0 and 1"));
    as(admin)
        .body(Map.of("conflict_scope", "any_role", "duplicate_similarity", 0.6))
        .put("/api/mailboxes/mbx_thresholds")
        .then()
        .statusCode(200)
        .body("mailbox.conflict_scope", equalTo("any_role"))
        .body("mailbox.duplicate_similarity", equalTo(0.6f))
        .body("mailbox.topic_similarity", equalTo(0.1f));
  }
}
