package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * audit-service anchors its chains outside its database: after a delivery, a signed checkpoint of
 * the mailbox's chain is on {@code mail.audit-anchors} and verify checks the chain against it.
 */
class AuditAnchorIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  private final MailGate mailgate = MailGate.shared();

  @Test
  void theChainOfAMailboxIsAnchoredOnTheAnchorsTopic() {
    ObjectNode intent =
        Intents.send(MailGate.AUTONOMOUS, "SalesAgent", Intents.recipient(), "Anchored", "b");
    String id = intent.path("intent_id").asText();
    Bus.publishIntent(intent);
    await("the delivery").atMost(PIPELINE).until(() -> Deliveries.count(id) == 1);

    await("an anchor of the mailbox's chain")
        .atMost(PIPELINE)
        .until(
            () ->
                !Bus.values(
                        Topics.AUDIT_ANCHORS,
                        anchor -> MailGate.AUTONOMOUS.equals(anchor.path("chain").asText()))
                    .isEmpty());
    JsonNode report =
        await("verify against the anchor")
            .atMost(PIPELINE)
            .until(
                () ->
                    Http.get(
                            mailgate.auditUrl()
                                + "/audit/chains/"
                                + MailGate.AUTONOMOUS
                                + "/verify",
                            TestTokens.admin("auditor"))
                        .body(),
                body -> body.path("anchored_position").asLong() > 0);
    assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.path("head_position").asLong())
        .isGreaterThanOrEqualTo(report.path("anchored_position").asLong());
    assertThat(
            Bus.values(
                Topics.AUDIT_ANCHORS,
                anchor -> MailGate.AUTONOMOUS.equals(anchor.path("chain").asText())))
        .allSatisfy(anchor -> assertThat(anchor.path("mac").asText()).hasSize(64));
  }
}
