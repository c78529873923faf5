package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * autonomous, read_only and duplicates, from the agent's side: Kafka in, Kafka and MultiMail out.
 */
class OversightModesIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  @Test
  void autonomousIsDeliveredAtOnceAndTheOutcomeReachesTheAgent() {
    ObjectNode intent =
        Intents.send(
            MailGate.AUTONOMOUS, "SalesAgent", Intents.recipient(), "Pricing", "Here it is.");
    String id = intent.path("intent_id").asText();

    Bus.publishIntent(intent);

    await("the accepted outcome on mail.outcomes")
        .atMost(PIPELINE)
        .until(() -> !outcomes(id, "accepted").isEmpty());
    assertThat(outcomes(id, "accepted").get(0).path("provider_email_id").asText()).isNotBlank();
    assertThat(Bus.decisionStates(id)).contains("accepted", "approved").doesNotContain("held");
    assertThat(Deliveries.count(id)).isEqualTo(1);
  }

  @Test
  void readOnlyIsRejectedByPolicyAndTheAgentIsTold() {
    ObjectNode intent =
        Intents.send(MailGate.READ_ONLY, "Engineer", Intents.recipient(), "Hi", "Should not go.");
    String id = intent.path("intent_id").asText();

    Bus.publishIntent(intent);

    await("the rejection on mail.decisions")
        .atMost(PIPELINE)
        .until(() -> Bus.decisionStates(id).contains("rejected"));
    JsonNode rejection =
        Bus.values(
                "mail.decisions",
                d ->
                    id.equals(d.path("intent_id").asText())
                        && "rejected".equals(d.path("state").asText()))
            .get(0);
    assertThat(rejection.path("actor").path("type").asText()).isEqualTo("policy");
    assertThat(rejection.path("reason").asText()).isNotBlank();
    GatedApprovalIT.awaitTimelineWith(id, "decision.rejected");
    assertThat(Deliveries.count(id)).isZero();
  }

  @Test
  void theSameEmailTwiceIsSuppressedAsADuplicate() {
    String to = Intents.recipient();
    ObjectNode first =
        Intents.send(MailGate.AUTONOMOUS, "SalesAgent", to, "Your invoice", "Invoice 42 attached.");
    ObjectNode again =
        Intents.send(MailGate.AUTONOMOUS, "SalesAgent", to, "Your invoice", "Invoice 42 attached.");
    String firstId = first.path("intent_id").asText();
    String againId = again.path("intent_id").asText();

    Bus.publishIntent(first);
    await().atMost(PIPELINE).until(() -> Deliveries.count(firstId) == 1);
    Bus.publishIntent(again);

    await("the duplicate decision")
        .atMost(PIPELINE)
        .until(() -> Bus.decisionStates(againId).contains("duplicate"));
    GatedApprovalIT.awaitTimelineWith(againId, "decision.duplicate");
    assertThat(Deliveries.count(againId)).isZero();
    assertThat(Deliveries.count(firstId)).isEqualTo(1);
  }

  @Test
  void aReplayedIntentIdIsANoOp() {
    ObjectNode intent =
        Intents.send(MailGate.AUTONOMOUS, "SalesAgent", Intents.recipient(), "Once", "Only once.");
    String id = intent.path("intent_id").asText();

    Bus.publishIntent(intent);
    Bus.publishIntent(intent);

    await().atMost(PIPELINE).until(() -> !outcomes(id, "accepted").isEmpty());
    GatedApprovalIT.awaitTimelineWith(id, "outcome.accepted");
    assertThat(Deliveries.count(id)).isEqualTo(1);
    assertThat(Bus.decisionStates(id)).containsOnlyOnce("approved");
  }

  private static List<JsonNode> outcomes(String intentId, String status) {
    return Bus.values(
        "mail.outcomes",
        o ->
            intentId.equals(o.path("intent_id").asText())
                && status.equals(o.path("status").asText()));
  }
}
