package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.await;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static dev.mailgate.approval.Reviews.as;
import static dev.mailgate.approval.Reviews.held;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Topics;
import dev.mailgate.events.signing.ApprovalVerifier;
import dev.mailgate.testsupport.ApprovalTestKeys;
import dev.mailgate.testsupport.TestTokens;
import dev.mailgate.testsupport.TopicIO;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Every mail.approved record carries a signature over its final content, by this service's key. */
@QuarkusTest
@ApprovalTestResources
class SignedApprovalTest {

  private static final ApprovalVerifier VERIFIER =
      ApprovalVerifier.fromPem(List.of(ApprovalTestKeys.pem(ApprovalTestKeys.PUBLIC)));

  @Test
  void anAutonomousApprovalIsSignedAndVerifies() throws Exception {
    String id =
        publish(intent("mbx_auto", "Engineer", "sig@customer.example.com", "Signed", "Body."));

    ConsumerRecord<String, byte[]> record = await(Topics.APPROVED, 1, forIntent(id)).get(0);

    assertThat(verify(record)).isEmpty();
    assertThat(headers(record).get(EventHeaders.SIGNATURE_KEY)).isEqualTo("3524dd7ba9281dd8");
  }

  @Test
  void approvalsDecidedTogetherEachVerifyOnTheirOwn() throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ObjectNode intent =
          intent("mbx_auto", "Engineer", "batch" + i + "@customer.example.com", "Batch " + i, "B.");
      ids.add(intent.path("intent_id").asText());
      TopicIO.sendAsync(
          Topics.INTENTS, "mbx_auto", intent.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    for (String id : ids) {
      assertThat(verify(await(Topics.APPROVED, 1, forIntent(id)).get(0))).as(id).isEmpty();
    }
  }

  @Test
  void aReviewerApprovalWithEditsIsSignedOverTheEditedContent() throws Exception {
    String id = held("ProductManager", "edit-sig@customer.example.com", "Launch", "Monday!!!");

    as(TestTokens.reviewer("carol", "mbx_gated"))
        .body(
            Map.of(
                "subject", "Launch next week",
                "markdown", "We plan to launch next week.",
                "bcc", List.of("pm@example.org")))
        .post("/api/reviews/{id}/approve", id)
        .then()
        .statusCode(200);

    ConsumerRecord<String, byte[]> record = await(Topics.APPROVED, 1, forIntent(id)).get(0);
    ApprovedEmail email = email(record);
    assertThat(email.subject()).isEqualTo("Launch next week");
    assertThat(email.markdown()).isEqualTo("We plan to launch next week.");
    assertThat(email.bcc()).containsExactly("pm@example.org");
    assertThat(verify(record)).isEmpty();

    ApprovedEmail original =
        new ApprovedEmail(
            email.intentId(),
            email.kind(),
            email.mailboxId(),
            email.team(),
            email.role(),
            email.agent(),
            email.action(),
            email.to(),
            email.cc(),
            List.of(),
            "Launch",
            "Monday!!!",
            email.attachments(),
            email.replyToEmailId(),
            email.threadId(),
            email.approvedBy(),
            email.editedFields(),
            email.approvedAt());
    assertThat(VERIFIER.verify(original, headers(record))).isPresent();
  }

  @Test
  void signatureHeadersAnAgentPutsOnItsIntentAreNeitherCopiedNorSigned() throws Exception {
    ObjectNode intent =
        intent("mbx_auto", "Engineer", "forge@customer.example.com", "Forged", "Sign me.");
    String id = intent.path("intent_id").asText();
    byte[] value = intent.toString().getBytes(StandardCharsets.UTF_8);
    // A genuine agent signature (mailgate_signature on an intent), plus the approval headers an
    // attacker would like to see copied onto mail.approved.
    var agent =
        Reviews.as(dev.mailgate.testsupport.TestTokens.admin("root"))
            .body(
                Map.of(
                    "team",
                    "team-test",
                    "roles",
                    List.of("Engineer"),
                    "mailboxes",
                    List.of("mbx_auto")))
            .post("/api/agents")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String agentId = agent.getString("agent_id");
    TopicIO.send(
        Topics.INTENTS,
        "mbx_auto",
        value,
        Map.of(
            EventHeaders.INTENT_AGENT,
            agentId,
            EventHeaders.INTENT_SIGNATURE,
            AgentBindingTest.sign(agentId, agent.getString("signing_key"), value),
            EventHeaders.SIGNATURE_KEY,
            "attacker",
            EventHeaders.SIGNATURE_PROOF,
            "AAAA"));

    ConsumerRecord<String, byte[]> record = await(Topics.APPROVED, 1, forIntent(id)).get(0);

    assertThat(record.headers().headers(EventHeaders.SIGNATURE_KEY)).hasSize(1);
    assertThat(record.headers().headers(EventHeaders.SIGNATURE)).hasSize(1);
    assertThat(headers(record).get(EventHeaders.SIGNATURE_KEY)).isEqualTo("3524dd7ba9281dd8");
    assertThat(verify(record)).isEmpty();
  }

  private static java.util.Optional<ApprovalVerifier.Rejection> verify(
      ConsumerRecord<String, byte[]> record) throws Exception {
    return VERIFIER.verify(email(record), headers(record));
  }

  private static ApprovedEmail email(ConsumerRecord<String, byte[]> record) throws Exception {
    return EventJson.mapper().readValue(record.value(), ApprovedEmail.class);
  }

  private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }
}
