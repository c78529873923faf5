package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ApprovalTestResources
class OversightModeTest {

  @Test
  void autonomousIsApprovedByPolicyAndItsContentGoesToDelivery() {
    String id =
        publish(
            intent("mbx_auto", "Engineer", "a@customer.example.com", "Build done", "All green."));

    List<JsonNode> decisions = awaitJson(Topics.DECISIONS, 2, forIntent(id));
    List<JsonNode> approved = awaitJson(Topics.APPROVED, 1, forIntent(id));

    assertThat(decisions)
        .extracting(d -> d.get("state").asText())
        .containsExactly("accepted", "approved");
    assertThat(decisions.get(1).at("/actor/type").asText()).isEqualTo("policy");
    assertThat(approved.get(0).get("subject").asText()).isEqualTo("Build done");
    assertThat(approved.get(0).at("/to/0").asText()).isEqualTo("a@customer.example.com");
    assertThat(approved.get(0).get("role").asText()).isEqualTo("Engineer");
  }

  @Test
  void gatedModesHoldForAReviewer() {
    String send =
        publish(
            intent("mbx_gated", "ProductManager", "b@customer.example.com", "Roadmap", "Q1 plan."));
    String all = publish(intent("mbx_all", "Anyone", "c@customer.example.com", "Hello", "Hi."));

    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(send)).get(1).get("state").asText())
        .isEqualTo("held");
    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(all)).get(1).get("state").asText())
        .isEqualTo("held");
    assertThat(Bus.read(Topics.APPROVED, forIntent(send))).isEmpty();
  }

  @Test
  void monitoredIsSentAtOnce() {
    String id =
        publish(intent("mbx_monitored", "Engineer", "d@customer.example.com", "FYI", "Deployed."));

    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(id)).get(1).get("state").asText())
        .isEqualTo("approved");
    assertThat(awaitJson(Topics.APPROVED, 1, forIntent(id))).hasSize(1);
  }

  @Test
  void readOnlyAndUnknownMailboxesAreRejectedWithAReason() {
    String readOnly =
        publish(intent("mbx_readonly", "Engineer", "e@customer.example.com", "Hi", "Hello."));
    String unknown =
        publish(intent("mbx_nowhere", "Engineer", "e@customer.example.com", "Hi", "Hello."));

    JsonNode ro = awaitJson(Topics.DECISIONS, 2, forIntent(readOnly)).get(1);
    JsonNode un = awaitJson(Topics.DECISIONS, 2, forIntent(unknown)).get(1);
    assertThat(ro.get("state").asText()).isEqualTo("rejected");
    assertThat(ro.get("reason").asText()).contains("read_only");
    assertThat(un.get("state").asText()).isEqualTo("rejected");
    assertThat(un.get("reason").asText()).contains("unknown mailbox mbx_nowhere");
  }

  @Test
  void aReplayedIntentIsANoOp() {
    var intent = intent("mbx_auto", "Engineer", "f@customer.example.com", "Once", "Only once.");
    String id = publish(intent);
    awaitJson(Topics.DECISIONS, 2, forIntent(id));

    publish(intent);
    publish(intent);
    String marker =
        publish(intent("mbx_auto", "Engineer", "g@customer.example.com", "After", "Later."));
    awaitJson(Topics.DECISIONS, 2, forIntent(marker));

    assertThat(Bus.read(Topics.DECISIONS, forIntent(id))).hasSize(2);
    assertThat(Bus.read(Topics.APPROVED, forIntent(id))).hasSize(1);
  }
}
