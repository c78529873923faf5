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
 * monitored against the packaged services: the email goes out at once with a copy to the mailbox's
 * oversight address, waits in the monitored list until a reviewer acknowledges it, and the
 * acknowledgement is a decision event in the audit trail with the reviewer's name.
 */
class MonitoredIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  private final MailGate mailgate = MailGate.shared();
  private final String reviewer = TestTokens.reviewer("mona.monitor", MailGate.MONITORED);

  @Test
  void sentAtOnceWithTheOversightCopyThenListedUntilAcknowledged() {
    String to = Intents.recipient();
    ObjectNode intent =
        Intents.send(MailGate.MONITORED, "Engineer", to, "Deployed v2.4", "It is live.");
    String id = intent.path("intent_id").asText();
    Bus.publishIntent(intent);

    await("the delivery").atMost(PIPELINE).until(() -> Deliveries.count(id) == 1);
    JsonNode delivery = Deliveries.of(id).get(0);
    assertThat(delivery.path("to").toString()).isEqualTo("[\"" + to + "\"]");
    assertThat(delivery.path("bcc").toString()).contains("oversight@e2e.example");

    await("listed for review after sending")
        .atMost(PIPELINE)
        .until(() -> monitoredIds().contains(id));
    Http.Reply own =
        Http.post(
            mailgate.approvalUrl() + "/api/reviews/" + id + "/acknowledge",
            TestTokens.reviewer("EngineerAgent", MailGate.MONITORED),
            Map.of());
    assertThat(own.status()).as("nobody reviews their own email").isEqualTo(403);

    Http.Reply acknowledged =
        Http.post(
            mailgate.approvalUrl() + "/api/reviews/" + id + "/acknowledge",
            reviewer,
            Map.of("note", "version checked"));
    assertThat(acknowledged.status()).isEqualTo(200);
    assertThat(acknowledged.body().path("acknowledged_by").asText()).isEqualTo("mona.monitor");
    assertThat(monitoredIds()).doesNotContain(id);
    assertThat(
            Http.post(
                    mailgate.approvalUrl() + "/api/reviews/" + id + "/acknowledge",
                    reviewer,
                    Map.of())
                .status())
        .as("acknowledged once")
        .isEqualTo(409);

    JsonNode timeline = GatedApprovalIT.awaitTimelineWith(id, "review.acknowledged");
    JsonNode event = null;
    for (JsonNode e : timeline.path("events")) {
      if ("review.acknowledged".equals(e.path("event_type").asText())) {
        event = e;
      }
    }
    assertThat(event).isNotNull();
    assertThat(event.path("actor").path("id").asText()).isEqualTo("mona.monitor");
    assertThat(event.path("payload").path("reason").asText())
        .isEqualTo("reviewed after sending: version checked");
    assertThat(Deliveries.count(id)).as("still sent exactly once").isEqualTo(1);
  }

  private List<String> monitoredIds() {
    Http.Reply page =
        Http.get(
            mailgate.approvalUrl() + "/api/reviews?view=monitored&mailbox=" + MailGate.MONITORED,
            reviewer);
    assertThat(page.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    page.body().path("items").forEach(item -> ids.add(item.path("intent_id").asText()));
    return ids;
  }
}
