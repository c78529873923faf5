package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What happens to an email after MultiMail accepted it reaches the agent and the audit: delivered,
 * bounced, or held by MultiMail's own reviewer (a mailbox gated at MultiMail although MailGate lets
 * it send on its own) and then rejected there.
 */
class PostSendStatusIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  private final MailGate mailgate = MailGate.shared();

  @Test
  void aDeliveredEmailAndABouncedOneAreToldAndAudited() {
    String delivered = publish(MailGate.AUTONOMOUS, Intents.recipient());
    String bounced =
        publish(
            MailGate.AUTONOMOUS,
            "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@nowhere.invalid");

    assertThat(statusesAfter(delivered, "delivered")).containsSubsequence("accepted", "delivered");
    assertThat(statusesAfter(bounced, "bounced"))
        .containsSubsequence("accepted", "bounced")
        .doesNotContain("delivered");
    assertThat(outcome(bounced, "bounced").path("error").asText()).startsWith("bounced (hard)");

    GatedApprovalIT.awaitTimelineWith(delivered, "outcome.delivered");
    GatedApprovalIT.awaitTimelineWith(bounced, "outcome.bounced");
  }

  @Test
  void mailHeldAtMultiMailIsToldAsHeldThenAsRejected() {
    String id = publish(MailGate.PROVIDER_GATED, Intents.recipient());

    assertThat(statusesAfter(id, "held_by_provider"))
        .containsSubsequence("accepted", "held_by_provider");
    JsonNode held = outcome(id, "held_by_provider");
    assertThat(held.path("provider_status").asText()).isEqualTo("pending_send_approval");
    assertThat(Deliveries.count(id)).as("not sent while MultiMail holds it").isZero();

    mailgate
        .sandbox()
        .call(
            "POST",
            "/v1/oversight/decide",
            "{\"email_id\":\""
                + held.path("provider_email_id").asText()
                + "\",\"action\":\"reject\",\"reason\":\"not our tone\"}");

    assertThat(statusesAfter(id, "rejected_by_provider"))
        .containsSubsequence("accepted", "held_by_provider", "rejected_by_provider")
        .containsOnlyOnce("held_by_provider");
    assertThat(Deliveries.count(id)).isZero();
    GatedApprovalIT.awaitTimelineWith(id, "outcome.rejected_by_provider");
  }

  private static String publish(String mailbox, String to) {
    ObjectNode intent = Intents.send(mailbox, "SalesAgent", to, "Status", "Where is it now?");
    Bus.publishIntent(intent);
    return intent.path("intent_id").asText();
  }

  private static List<String> statusesAfter(String intentId, String status) {
    await("outcome " + status + " of " + intentId)
        .atMost(PIPELINE)
        .until(() -> statuses(intentId).contains(status));
    return statuses(intentId);
  }

  private static List<String> statuses(String intentId) {
    return Bus.values("mail.outcomes", o -> intentId.equals(o.path("intent_id").asText())).stream()
        .map(o -> o.path("status").asText())
        .toList();
  }

  private static JsonNode outcome(String intentId, String status) {
    return Bus.values(
            "mail.outcomes",
            o ->
                intentId.equals(o.path("intent_id").asText())
                    && status.equals(o.path("status").asText()))
        .get(0);
  }
}
