package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two roles write to the same customer about the same thing: both are held as one conflict group,
 * the reviewer keeps one, the other is rejected as superseded, and only the kept one is delivered.
 */
class ConflictIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  private final MailGate mailgate = MailGate.shared();
  private final String reviewer = TestTokens.reviewer("rita.reviewer", MailGate.GATED);

  @Test
  void aTwoRoleConflictIsHeldTogetherAndResolvedByKeepingOne() {
    String customer = Intents.recipient();
    ObjectNode pm =
        Intents.send(
            MailGate.GATED,
            "ProductManager",
            customer,
            "Export feature date",
            "The export feature ships on December 3.");
    ObjectNode architect =
        Intents.send(
            MailGate.GATED,
            "Architect",
            customer,
            "Export feature date",
            "The export feature needs another week; expect December 10.");
    String pmId = pm.path("intent_id").asText();
    String architectId = architect.path("intent_id").asText();

    Bus.publishIntent(pm);
    Bus.publishIntent(architect);

    JsonNode item =
        await("both in one conflict group")
            .atMost(PIPELINE)
            .until(
                () -> Http.get(mailgate.approvalUrl() + "/api/reviews/" + architectId, reviewer),
                reply ->
                    reply.status() == 200
                        && "conflict".equals(reply.body().path("item").path("state").asText()))
            .body();
    String conflictId = item.path("item").path("conflict_id").asText();
    assertThat(item.path("conflict_group").findValuesAsText("intent_id")).contains(pmId);
    JsonNode group =
        Http.get(mailgate.approvalUrl() + "/api/conflicts/" + conflictId, reviewer).body();
    List<String> roles = new java.util.ArrayList<>();
    group.forEach(member -> roles.add(member.path("role").asText()));
    assertThat(roles).containsExactlyInAnyOrder("ProductManager", "Architect");
    // What differs, as the reviewer reads it: each member's date against the other's.
    assertThat(group.findValuesAsText("says"))
        .anySatisfy(says -> assertThat(says).contains("December 10").contains("December 3"));

    Http.Reply resolved =
        Http.post(
            mailgate.approvalUrl() + "/api/conflicts/" + conflictId + "/resolve",
            reviewer,
            Map.of("keep", List.of(architectId), "reason", "the architect has the current date"));

    assertThat(resolved.status()).isEqualTo(200);
    await("the kept email delivered")
        .atMost(PIPELINE)
        .until(() -> Deliveries.count(architectId) == 1);
    await("the other one rejected as superseded")
        .atMost(PIPELINE)
        .until(() -> Bus.decisionStates(pmId).contains("rejected"));
    GatedApprovalIT.awaitTimelineWith(architectId, "outcome.accepted");
    assertThat(Bus.decisionStates(pmId)).contains("conflict");
    assertThat(Deliveries.count(pmId)).isZero();
    assertThat(Deliveries.count(architectId)).isEqualTo(1);
  }
}
