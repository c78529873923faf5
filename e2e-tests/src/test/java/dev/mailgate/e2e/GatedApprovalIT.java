package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * gated_send end to end: the intent waits in the review queue, a reviewer approves it with edits
 * over REST, MultiMail delivers exactly the edited email once, and the audit trail tells the whole
 * story with the reviewer's name.
 */
class GatedApprovalIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  private final MailGate mailgate = MailGate.shared();
  private final String reviewer = TestTokens.reviewer("rita.reviewer", MailGate.GATED);

  @Test
  void approvedWithEditsIsDeliveredOnceWithTheEditsAndAudited() {
    ObjectNode intent =
        Intents.send(
            MailGate.GATED,
            "ProductManager",
            Intents.recipient(),
            "Export ships Dec 3",
            "The export feature ships on December 3.");
    String id = intent.path("intent_id").asText();
    Bus.publishIntent(intent);

    await("the intent in the review queue").atMost(PIPELINE).until(() -> pendingIds().contains(id));
    assertThat(Deliveries.count(id)).as("nothing leaves before review").isZero();

    Http.Reply approved =
        Http.post(
            mailgate.approvalUrl() + "/api/reviews/" + id + "/approve",
            reviewer,
            Map.of(
                "subject", "Export ships Dec 10",
                "markdown", "The export feature ships on December 10.",
                "reason", "date moved"));
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.body().path("state").asText()).isEqualTo("approved");

    await("the delivery").atMost(PIPELINE).until(() -> Deliveries.count(id) == 1);
    JsonNode timeline = awaitTimelineWith(id, "outcome.accepted");

    List<JsonNode> deliveries = Deliveries.of(id);
    assertThat(deliveries).hasSize(1);
    assertThat(deliveries.get(0).path("subject").asText()).isEqualTo("Export ships Dec 10");
    assertThat(deliveries.get(0).path("markdown").asText())
        .isEqualTo("The export feature ships on December 10.");

    List<String> types = eventTypes(timeline);
    assertThat(types)
        .contains(
            "intent.submitted",
            "decision.accepted",
            "decision.held",
            "decision.approved",
            "mail.approved",
            "outcome.accepted");
    assertThat(types.indexOf("decision.held")).isLessThan(types.indexOf("decision.approved"));
    JsonNode approval = entry(timeline, "decision.approved");
    assertThat(approval.path("actor").path("type").asText()).isEqualTo("reviewer");
    assertThat(approval.path("actor").path("id").asText()).isEqualTo("rita.reviewer");
    assertThat(entry(timeline, "intent.submitted").path("role").asText())
        .isEqualTo("ProductManager");
    assertThat(Deliveries.count(id)).as("still exactly one delivery").isEqualTo(1);
  }

  @Test
  void rejectedIsNeverDeliveredAndTheAgentIsTold() {
    ObjectNode intent =
        Intents.send(
            MailGate.GATED, "Engineer", Intents.recipient(), "Internal numbers", "Q3 was rough.");
    String id = intent.path("intent_id").asText();
    Bus.publishIntent(intent);
    await().atMost(PIPELINE).until(() -> pendingIds().contains(id));

    Http.Reply rejected =
        Http.post(
            mailgate.approvalUrl() + "/api/reviews/" + id + "/reject",
            reviewer,
            Map.of("reason", "confidential"));

    assertThat(rejected.status()).isEqualTo(200);
    await("the rejection on mail.decisions")
        .atMost(PIPELINE)
        .until(() -> Bus.decisionStates(id).contains("rejected"));
    assertThat(Deliveries.count(id)).isZero();
  }

  private List<String> pendingIds() {
    Http.Reply page =
        Http.get(mailgate.approvalUrl() + "/api/reviews?mailbox=" + MailGate.GATED, reviewer);
    assertThat(page.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    page.body().path("items").forEach(item -> ids.add(item.path("intent_id").asText()));
    return ids;
  }

  static JsonNode awaitTimelineWith(String intentId, String eventType) {
    String admin = TestTokens.admin("audit.reader");
    return await("the audit timeline with " + eventType)
        .atMost(PIPELINE)
        .until(
            () ->
                Http.get(
                        MailGate.shared().auditUrl() + "/audit/intents/" + intentId + "/timeline",
                        admin)
                    .body(),
            body -> body != null && eventTypes(body).contains(eventType));
  }

  static List<String> eventTypes(JsonNode timeline) {
    List<String> types = new ArrayList<>();
    timeline.path("events").forEach(e -> types.add(e.path("event_type").asText()));
    return types;
  }

  private static JsonNode entry(JsonNode timeline, String eventType) {
    for (JsonNode e : timeline.path("events")) {
      if (eventType.equals(e.path("event_type").asText())) {
        return e;
      }
    }
    throw new AssertionError("no " + eventType + " in " + timeline);
  }
}
