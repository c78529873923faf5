package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A reviewer's edits of a held reply against the packaged services: an edit of its recipient is
 * refused and the reply stays held; edits of its body and cc reach MultiMail, still addressed to
 * the original's sender.
 */
class ReplyEditsIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  private final MailGate mailgate = MailGate.shared();
  private final String reviewer = TestTokens.reviewer("rita.reviewer", MailGate.GATED_ALL);

  @Test
  void aHeldReplysBodyAndCcEditsAreSentAndARecipientEditIsRefused() {
    String subject = "Renewal " + UUID.randomUUID().toString().substring(0, 8);
    String emailId = receiveAndRelease("frank@customers.example.org", subject);

    ObjectNode reply =
        Intents.send(MailGate.GATED_ALL, "SupportAgent", "x@example.com", "ignored", "Yes.");
    reply.put("kind", "reply");
    reply.put("action", "ReplyEmail");
    reply.put("reply_to_email_id", emailId);
    reply.putArray("to");
    String id = reply.path("intent_id").asText();
    Bus.publishIntent(reply);
    await("the reply held")
        .atMost(PIPELINE)
        .until(() -> item(id), item -> item != null && "held".equals(item.path("state").asText()));

    Http.Reply redirected =
        Http.post(
            approve(id), reviewer, Map.of("to", List.of("someone.else@customers.example.org")));
    assertThat(redirected.status()).isEqualTo(400);
    assertThat(redirected.body().path("detail").asText()).contains("original's sender");
    assertThat(item(id).path("state").asText()).as("still held").isEqualTo("held");

    Http.Reply approved =
        Http.post(
            approve(id),
            reviewer,
            Map.of(
                "markdown", "Yes, we renew on March 1.",
                "cc", List.of("sales@customers.example.org"),
                "reason", "date added"));
    assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(200);

    await("the delivery").atMost(PIPELINE).until(() -> Deliveries.count(id) == 1);
    JsonNode sent = Deliveries.of(id).get(0);
    assertThat(sent.path("kind").asText()).isEqualTo("reply");
    assertThat(sent.path("markdown").asText()).isEqualTo("Yes, we renew on March 1.");
    assertThat(sent.path("cc").toString()).isEqualTo("[\"sales@customers.example.org\"]");
    assertThat(sent.path("to").toString()).isEqualTo("[\"frank@customers.example.org\"]");
  }

  /** An email to the gated_all mailbox, held, then released by the reviewer: its email id. */
  private String receiveAndRelease(String from, String subject) {
    mailgate
        .sandbox()
        .call(
            "POST",
            "/sandbox/inbound",
            "{\"mailbox_id\":\""
                + MailGate.GATED_ALL
                + "\",\"from\":\""
                + from
                + "\",\"subject\":\""
                + subject
                + "\",\"markdown\":\"Do you renew?\"}");
    String emailId =
        await("the email held for review")
            .atMost(PIPELINE)
            .until(() -> heldEmailId(subject), found -> found != null);
    assertThat(
            Http.post(
                    mailgate.approvalUrl() + "/api/inbound/" + emailId + "/release",
                    reviewer,
                    Map.of())
                .status())
        .isEqualTo(200);
    return emailId;
  }

  private String heldEmailId(String subject) {
    for (JsonNode held : Http.get(mailgate.approvalUrl() + "/api/inbound", reviewer).body()) {
      if (subject.equals(held.path("email").path("subject").asText())) {
        return held.path("email_id").asText();
      }
    }
    return null;
  }

  private JsonNode item(String id) {
    Http.Reply reply = Http.get(mailgate.approvalUrl() + "/api/reviews/" + id, reviewer);
    return reply.status() == 200 ? reply.body().path("item") : null;
  }

  private String approve(String id) {
    return mailgate.approvalUrl() + "/api/reviews/" + id + "/approve";
  }
}
