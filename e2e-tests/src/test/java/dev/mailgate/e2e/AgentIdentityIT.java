package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.agent.IntentSigner;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.testsupport.TopicIO;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who sent an intent is not self-declared: through the packaged services, an unsigned intent and
 * one claiming a role its credential lacks are rejected with the reason, audited, never delivered.
 */
class AgentIdentityIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  @Test
  void anUnsignedIntentIsRejectedAndAudited() throws Exception {
    ObjectNode intent =
        Intents.send(MailGate.AUTONOMOUS, "SalesAgent", Intents.recipient(), "Hi", "Unsigned.");
    String id = intent.path("intent_id").asText();

    Bus.publish(
        "mail.intents",
        MailGate.AUTONOMOUS,
        Http.JSON.writeValueAsBytes(intent),
        "intent.submitted");

    assertRejected(id, "not signed");
  }

  @Test
  void aRoleOutsideTheCredentialIsRejectedAndAudited() throws Exception {
    IntentSigner sales = Agents.signerFor("e2e-team", "SalesAgent", MailGate.AUTONOMOUS);
    ObjectNode intent =
        Intents.send(MailGate.AUTONOMOUS, "Director", Intents.recipient(), "Hi", "Claimed role.");
    String id = intent.path("intent_id").asText();
    byte[] value = Http.JSON.writeValueAsBytes(intent);

    TopicIO.send(
        "mail.intents",
        MailGate.AUTONOMOUS,
        value,
        Map.of(
            EventHeaders.INTENT_AGENT,
            sales.agentId(),
            EventHeaders.INTENT_SIGNATURE,
            sales.signature(value)));

    assertRejected(id, "may act as SalesAgent only");
  }

  private static void assertRejected(String id, String reason) {
    await("the rejection on mail.decisions")
        .atMost(PIPELINE)
        .until(() -> Bus.decisionStates(id).contains("rejected"));
    JsonNode rejection =
        Bus.values("mail.decisions", d -> id.equals(d.path("intent_id").asText())).get(0);
    assertThat(rejection.path("reason").asText()).contains(reason);
    GatedApprovalIT.awaitTimelineWith(id, "decision.rejected");
    assertThat(Deliveries.count(id)).isZero();
  }
}
