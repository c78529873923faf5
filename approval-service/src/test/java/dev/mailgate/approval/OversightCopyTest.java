package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static dev.mailgate.approval.Reviews.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Monitored mail that leaves without a reviewer goes in copy to the mailbox's oversight address.
 */
@QuarkusTest
@ApprovalTestResources
class OversightCopyTest {

  private static final String ADMIN = TestTokens.admin("root");

  @Test
  void monitoredMailIsCopiedToTheOversightAddressInBcc() {
    ObjectNode sent = intent("mbx_copied", "Engineer", "j@customer.example.com", "FYI", "Done.");
    sent.putArray("bcc").add("archive@example.org");
    String id = publish(sent);

    JsonNode approved = awaitJson(Topics.APPROVED, 1, forIntent(id)).get(0);
    assertThat(approved.get("bcc").toString())
        .isEqualTo("[\"archive@example.org\",\"oversight@example.org\"]");
    assertThat(approved.get("to").toString()).isEqualTo("[\"j@customer.example.com\"]");
    assertThat(approved.get("edited_fields").toString()).isEqualTo("[]");
    as(TestTokens.reviewer("kim", "mbx_copied"))
        .get("/api/reviews/{id}", id)
        .then()
        .statusCode(200)
        .body("item.bcc", org.hamcrest.Matchers.contains("archive@example.org"))
        .body("item.review_after", equalTo(true));

    String again =
        publish(intent("mbx_copied", "Engineer", "k@customer.example.com", "FYI", "Also done."));
    assertThat(awaitJson(Topics.APPROVED, 1, forIntent(again)).get(0).get("bcc").toString())
        .isEqualTo("[\"oversight@example.org\"]");
  }

  @Test
  void aCopyThatWouldExceedMultiMailsLimitIsHeldAndAReviewersApprovalSendsWithoutIt() {
    String run = java.util.UUID.randomUUID().toString().substring(0, 8);
    ObjectNode full =
        intent("mbx_copied", "Engineer", run + "-0@customer.example.com", "All", "Hi.");
    var to = full.putArray("to");
    for (int i = 0; i < 50; i++) {
      to.add(run + "-" + i + "@customer.example.com");
    }
    String id = publish(full);

    JsonNode held = awaitJson(Topics.DECISIONS, 2, forIntent(id)).get(1);
    assertThat(held.get("state").asText()).isEqualTo("held");
    assertThat(held.get("reason").asText())
        .contains("oversight@example.org", "51 recipients", "over MultiMail's 50");

    as(TestTokens.reviewer("kim", "mbx_copied"))
        .body(Map.of("reason", "all fifty are invited"))
        .post("/api/reviews/{id}/approve", id)
        .then()
        .statusCode(200);
    JsonNode approved = awaitJson(Topics.APPROVED, 1, forIntent(id)).get(0);
    assertThat(approved.get("to")).hasSize(50);
    assertThat(approved.get("bcc").toString()).isEqualTo("[]");
  }

  @Test
  void withoutAnOversightAddressNothingIsAdded() {
    String id =
        publish(intent("mbx_monitored", "Engineer", "l@customer.example.com", "FYI", "Shipped."));

    assertThat(awaitJson(Topics.APPROVED, 1, forIntent(id)).get(0).get("bcc").toString())
        .isEqualTo("[]");
  }

  @Test
  void theOversightAddressIsSetThroughTheApiValidatedAndAudited() {
    as(ADMIN)
        .body(Map.of("oversight_address", "not an address"))
        .put("/api/mailboxes/mbx_copy_admin")
        .then()
        .statusCode(400)
        .body(
            "detail",
            equalTo(
                "oversight_address must be a bare email address (local@domain.tld), or \"\" to"
                    + " remove it"));
    as(ADMIN)
        .body(Map.of("oversight_address", "Boss <boss@example.org>"))
        .put("/api/mailboxes/mbx_copy_admin")
        .then()
        .statusCode(400);
    as(ADMIN)
        .body(Map.of("oversight_address", "boss@example.org"))
        .put("/api/mailboxes/mbx_copy_admin")
        .then()
        .statusCode(200)
        .body("mailbox.oversight_address", equalTo("boss@example.org"));
    as(ADMIN)
        .body(Map.of("oversight_address", ""))
        .put("/api/mailboxes/mbx_copy_admin")
        .then()
        .statusCode(200)
        .body("mailbox.oversight_address", nullValue());

    var changes =
        awaitJson(
            Topics.POLICIES, 2, node -> "mbx_copy_admin".equals(node.path("mailbox_id").asText()));
    assertThat(changes.get(0).at("/after/oversight_address").asText())
        .isEqualTo("boss@example.org");
    assertThat(changes.get(1).at("/before/oversight_address").asText())
        .isEqualTo("boss@example.org");
    JsonNode removed = changes.get(1).at("/after/oversight_address");
    assertThat(removed.isNull() || removed.isMissingNode()).isTrue();
  }
}
