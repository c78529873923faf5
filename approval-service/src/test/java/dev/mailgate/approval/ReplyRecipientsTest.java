package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static dev.mailgate.approval.Bus.released;
import static dev.mailgate.approval.Bus.reply;
import static dev.mailgate.approval.Reviews.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A reply's recipient is the original's sender, resolved before the policy runs: rules and the
 * cooldown apply to it, reviewers see it, and its to/subject cannot be edited.
 */
@QuarkusTest
@ApprovalTestResources
class ReplyRecipientsTest {

  private static final String CAROL = TestTokens.reviewer("carol", "mbx_gated");

  @Test
  void aReplyGoesToTheOriginalsSenderWithTheThreadsSubject() {
    String email = released("mbx_replies", "Dana Client <dana@customer.example.com>", "Order 42");
    ObjectNode reply = reply("mbx_replies", "Support", email, "It ships today.");
    reply.putArray("cc").add("dana@customer.example.com").add("team@example.org");
    String id = publish(reply);

    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(id)).get(1).get("state").asText())
        .isEqualTo("approved");
    JsonNode approved = awaitJson(Topics.APPROVED, 1, forIntent(id)).get(0);
    assertThat(approved.get("kind").asText()).isEqualTo("reply");
    assertThat(approved.get("to").toString()).isEqualTo("[\"dana@customer.example.com\"]");
    assertThat(approved.get("cc").toString()).isEqualTo("[\"team@example.org\"]");
    assertThat(approved.get("subject").asText()).isEqualTo("Re: Order 42");
    assertThat(approved.get("reply_to_email_id").asText()).isEqualTo(email);
    assertThat(approved.get("thread_id").asText()).isEqualTo("thr-" + email);
  }

  @Test
  void aDenyRuleOnTheSendersDomainRejectsTheReplyAndNamesTheRule() {
    String email = released("mbx_replies", "bob@sales.competitor.example.net", "Prices?");
    String id = publish(reply("mbx_replies", "Support", email, "Our prices are attached."));

    JsonNode decision = awaitJson(Topics.DECISIONS, 2, forIntent(id)).get(1);
    assertThat(decision.get("state").asText()).isEqualTo("rejected");
    assertThat(decision.get("reason").asText())
        .isEqualTo(
            "recipient bob@sales.competitor.example.net is denied by the rule"
                + " *.competitor.example.net");
    assertThat(Bus.read(Topics.APPROVED, forIntent(id))).isEmpty();
  }

  @Test
  void theCooldownCountsTheRepliesRecipient() {
    String sender = "eve-" + UUID.randomUUID() + "@customer.example.com";
    String email = released("mbx_cooldown", sender, "Question");
    String send = publish(intent("mbx_cooldown", "Sales", sender, "Offer", "A first offer."));
    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(send)).get(1).get("state").asText())
        .isEqualTo("approved");

    String id = publish(reply("mbx_cooldown", "Support", email, "An answer too soon."));

    JsonNode decision = awaitJson(Topics.DECISIONS, 2, forIntent(id)).get(1);
    assertThat(decision.get("state").asText()).isEqualTo("rejected");
    assertThat(decision.get("reason").asText())
        .isEqualTo("recipient " + sender + " was written to less than PT1H ago (cooldown)");
  }

  @Test
  void aReplyToAnEmailMailGateNeverSawIsInvalidWithAReasonTheAgentCanActOn() {
    String unknown =
        publish(reply("mbx_replies", "Support", "em-never-" + UUID.randomUUID(), "Hi"));
    String elsewhere = released("mbx_auto", "fay@customer.example.com", "Elsewhere");
    String wrongMailbox = publish(reply("mbx_replies", "Support", elsewhere, "Hi"));
    String notReleased = Bus.inbound("mbx_all", "gil@customer.example.com", "Held");
    String ivy = TestTokens.reviewer("ivy", "mbx_all");
    org.awaitility.Awaitility.await()
        .until(
            () ->
                as(ivy)
                    .get("/api/inbound")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("email_id")
                    .contains(notReleased));
    String heldOriginal = publish(reply("mbx_all", "Support", notReleased, "Hi"));
    String released = released("mbx_replies", "hal@customer.example.com", "Hello");
    ObjectNode misaddressed = reply("mbx_replies", "Support", released, "Hi");
    misaddressed.putArray("to").add("someone-else@customer.example.com");
    String wrongTo = publish(misaddressed);

    JsonNode first = awaitJson(Topics.DECISIONS, 1, forIntent(unknown)).get(0);
    assertThat(first.get("state").asText()).isEqualTo("invalid");
    assertThat(first.at("/problems/0/path").asText()).isEqualTo("reply_to_email_id");
    assertThat(first.at("/problems/0/code").asText()).isEqualTo("unknown_email");
    assertThat(first.get("reason").asText())
        .contains("is not one MailGate received in (or sent from) mailbox mbx_replies")
        .contains("send a new email with to and subject");
    assertThat(problemCode(wrongMailbox)).isEqualTo("unknown_email");
    assertThat(problemCode(heldOriginal)).isEqualTo("not_released");
    assertThat(problemCode(wrongTo)).isEqualTo("reply_recipient");
    assertThat(awaitJson(Topics.DECISIONS, 1, forIntent(wrongTo)).get(0).get("reason").asText())
        .contains("a reply goes to the original's sender (hal@customer.example.com)");
    assertThat(Bus.read(Topics.APPROVED, forIntent(unknown))).isEmpty();
  }

  @Test
  void aReviewerSeesTheRealRecipientAndMayEditTheBodyButNotToOrSubject() {
    String email = released("mbx_gated", "ivan@customer.example.com", "Refund");
    String id = Reviews.held(reply("mbx_gated", "Engineer", email, "No refund."));

    as(CAROL)
        .get("/api/reviews/{id}", id)
        .then()
        .statusCode(200)
        .body("item.to", contains("ivan@customer.example.com"))
        .body("item.subject", equalTo("Re: Refund"));
    for (Map<String, Object> edit :
        List.<Map<String, Object>>of(
            Map.of("subject", "Your refund"), Map.of("to", List.of("boss@customer.example.com")))) {
      as(CAROL)
          .body(edit)
          .post("/api/reviews/{id}/approve", id)
          .then()
          .statusCode(400)
          .body(
              "detail",
              equalTo(
                  "a reply goes to the original's sender; its subject follows the thread — edit"
                      + " the body, cc or bcc, or reject and ask for a new email"));
    }
    as(CAROL)
        .get("/api/reviews/{id}", id)
        .then()
        .body("item.state", equalTo("held"))
        .body("item.edited_fields", org.hamcrest.Matchers.empty());

    as(CAROL)
        .body(
            Map.of(
                "markdown", "Your refund is on its way.",
                "cc", List.of("billing@example.org"),
                "subject", "Re: Refund"))
        .post("/api/reviews/{id}/approve", id)
        .then()
        .statusCode(200)
        .body("edited_fields", contains("markdown", "cc"));
    JsonNode approved = awaitJson(Topics.APPROVED, 1, forIntent(id)).get(0);
    assertThat(approved.get("markdown").asText()).isEqualTo("Your refund is on its way.");
    assertThat(approved.get("cc").toString()).isEqualTo("[\"billing@example.org\"]");
    assertThat(approved.get("to").toString()).isEqualTo("[\"ivan@customer.example.com\"]");
    assertThat(approved.get("edited_fields").toString()).isEqualTo("[\"markdown\",\"cc\"]");
  }

  private static String problemCode(String intentId) {
    return awaitJson(Topics.DECISIONS, 1, forIntent(intentId))
        .get(0)
        .at("/problems/0/code")
        .asText();
  }
}
