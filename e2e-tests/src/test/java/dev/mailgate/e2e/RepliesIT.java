package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Replies against the packaged services: the recipient is the original email's sender, resolved
 * before the policy runs, so the mailbox's recipient rules apply to replies as to new emails; a
 * reply to an email MailGate never saw is refused with a reason the agent can act on.
 */
class RepliesIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  private final MailGate mailgate = MailGate.shared();

  @Test
  void aReplyGoesToTheOriginalSenderAndThatSendersDomainRulesApply() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String welcome = receive("dana@customers.example.org", "Question " + tag);
    String blocked = receive("eve@mail.blocked.example", "Offer " + tag);

    ObjectNode ok = reply(welcome, "Thanks, it ships on Friday.");
    ObjectNode refused = reply(blocked, "No thank you.");
    Bus.publishIntent(ok);
    Bus.publishIntent(refused);
    String okId = ok.path("intent_id").asText();
    String refusedId = refused.path("intent_id").asText();

    await("the reply delivered").atMost(PIPELINE).until(() -> Deliveries.count(okId) == 1);
    JsonNode item =
        Http.get(
                mailgate.approvalUrl() + "/api/reviews/" + okId,
                TestTokens.reviewer("rita.reviewer", MailGate.AUTONOMOUS))
            .body()
            .path("item");
    assertThat(item.path("to").toString()).isEqualTo("[\"dana@customers.example.org\"]");
    assertThat(item.path("subject").asText()).isEqualTo("Re: Question " + tag);

    JsonNode rejection =
        await("the reply to a denied domain refused")
            .atMost(PIPELINE)
            .until(() -> decision(refusedId, "rejected"), found -> found != null);
    assertThat(rejection.path("reason").asText()).contains("blocked.example");
    assertThat(Deliveries.count(refusedId)).isZero();
  }

  @Test
  void aReplyToAnEmailMailGateNeverSawIsRefusedAsInvalid() {
    ObjectNode unknown = reply("em-never-seen-" + UUID.randomUUID(), "Hello again.");
    Bus.publishIntent(unknown);
    String id = unknown.path("intent_id").asText();

    JsonNode invalid =
        await("the refusal")
            .atMost(PIPELINE)
            .until(() -> decision(id, "invalid"), found -> found != null);
    assertThat(invalid.toString()).contains("reply_to_email_id");
    assertThat(Deliveries.count(id)).isZero();
  }

  /** Sends {@code subject} from {@code from} to the autonomous mailbox; its released email id. */
  private String receive(String from, String subject) {
    mailgate
        .sandbox()
        .call(
            "POST",
            "/sandbox/inbound",
            "{\"mailbox_id\":\""
                + MailGate.AUTONOMOUS
                + "\",\"from\":\""
                + from
                + "\",\"subject\":\""
                + subject
                + "\",\"markdown\":\"Tell me more.\"}");
    return await("the email on mail.inbound")
        .atMost(PIPELINE)
        .until(
            () -> Bus.values("mail.inbound", e -> subject.equals(e.path("subject").asText())),
            found -> !found.isEmpty())
        .get(0)
        .path("email_id")
        .asText();
  }

  private static ObjectNode reply(String emailId, String body) {
    ObjectNode intent =
        Intents.send(MailGate.AUTONOMOUS, "SupportAgent", "x@example.com", "ignored", body);
    intent.put("kind", "reply");
    intent.put("action", "ReplyEmail");
    intent.put("reply_to_email_id", emailId);
    intent.putArray("to");
    return intent;
  }

  private static JsonNode decision(String intentId, String state) {
    List<JsonNode> found =
        Bus.values(
            "mail.decisions",
            d ->
                intentId.equals(d.path("intent_id").asText())
                    && state.equals(d.path("state").asText()));
    return found.isEmpty() ? null : found.get(0);
  }
}
