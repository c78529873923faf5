package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Reviews.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import dev.mailgate.testsupport.TopicIO;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Who sent an intent is not self-declared: with signatures required, an intent is accepted only
 * when signed with a credential issued for its team, role and mailbox; anything else is rejected
 * with the reason on {@code mail.decisions} (and so in the audit).
 */
@QuarkusTest
@ApprovalTestResources
@TestProfile(AgentBindingTest.SignaturesRequired.class)
class AgentBindingTest {

  /** The production setting: intents must be signed. */
  public static class SignaturesRequired implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mailgate.approval.agents.require-signature", "true");
    }
  }

  private static final String ADMIN = TestTokens.admin("root");

  @Test
  void aSignedIntentWithinItsCredentialGoesToThePolicy() {
    JsonPath agent = issue("team-test", List.of("ProductManager"), List.of("mbx_auto"));
    ObjectNode intent = intent("mbx_auto", "Product Manager", "b1@customer.example.com", "Hi", "A");

    String id = publish(intent, agent.getString("agent_id"), agent.getString("signing_key"));

    assertThat(decisions(id, 2)).extracting(d -> d.get("state").asText()).contains("approved");
  }

  @Test
  void everythingOutsideTheCredentialIsRejectedWithItsReason() {
    JsonPath agent = issue("team-test", List.of("Engineer"), List.of("mbx_auto"));
    String agentId = agent.getString("agent_id");
    String key = agent.getString("signing_key");

    assertRejected(
        Bus.publish(intent("mbx_auto", "Engineer", "b2@customer.example.com", "S", "B")),
        "not signed");
    assertRejected(
        publish(intent("mbx_auto", "Sales", "b3@customer.example.com", "S", "B"), agentId, key),
        "may act as Engineer only");
    assertRejected(
        publish(intent("mbx_gated", "Engineer", "b4@customer.example.com", "S", "B"), agentId, key),
        "may use mailboxes mbx_auto only");
    ObjectNode otherTeam = intent("mbx_auto", "Engineer", "b5@customer.example.com", "S", "B");
    otherTeam.put("team", "team-other");
    assertRejected(publish(otherTeam, agentId, key), "is issued for team team-test only");

    ObjectNode signed = intent("mbx_auto", "Engineer", "b6@customer.example.com", "S", "B");
    byte[] value = signed.toString().getBytes(StandardCharsets.UTF_8);
    String signature = sign(agentId, key, value);
    signed.put("markdown", "Changed after signing.");
    assertRejected(send(signed, agentId, signature), "does not match");

    String stranger = sign("agt_unknown", key, value);
    assertRejected(
        send(
            intent("mbx_auto", "Engineer", "b7@customer.example.com", "S", "B"),
            "agt_unknown",
            stranger),
        "unknown agent credential");
  }

  @Test
  void aRevokedCredentialSignsNothing() {
    JsonPath agent = issue("team-test", List.of("Engineer"), List.of("mbx_auto"));
    String agentId = agent.getString("agent_id");
    as(ADMIN).delete("/api/agents/{id}", agentId).then().statusCode(200);

    assertRejected(
        publish(
            intent("mbx_auto", "Engineer", "b8@customer.example.com", "S", "B"),
            agentId,
            agent.getString("signing_key")),
        "has been revoked");
  }

  @Test
  void credentialsAreIssuedOnlyForMailboxesTheAdminAdministers() {
    String adminOfRate = TestTokens.token("ada", java.util.Set.of("admin"), List.of("mbx_rate"));
    Map<String, Object> body =
        Map.of("team", "t", "roles", List.of("Engineer"), "mailboxes", List.of("mbx_auto"));

    as(adminOfRate).body(body).post("/api/agents").then().statusCode(403);
    as(TestTokens.reviewer("carol", "*")).body(body).post("/api/agents").then().statusCode(403);
    as(ADMIN)
        .body(Map.of("team", "t", "roles", List.of(), "mailboxes", List.of("mbx_auto")))
        .post("/api/agents")
        .then()
        .statusCode(400);
    as(ADMIN)
        .body(Map.of("team", "<script>", "roles", List.of("R"), "mailboxes", List.of("mbx_auto")))
        .post("/api/agents")
        .then()
        .statusCode(400);
  }

  @Test
  void theClientsSharedTestVectorVerifies() throws Exception {
    JsonNode vector =
        dev.mailgate.events.EventJson.mapper()
            .readTree(java.nio.file.Path.of("../docs/fixtures/intent-signature.json").toFile());
    assertThat(
            sign(
                vector.get("agent_id").asText(),
                vector.get("signing_key").asText(),
                vector.get("value").asText().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(vector.get("mailgate_signature").asText());
  }

  private static JsonPath issue(String team, List<String> roles, List<String> mailboxes) {
    return as(ADMIN)
        .body(Map.of("team", team, "roles", roles, "mailboxes", mailboxes))
        .post("/api/agents")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static String publish(ObjectNode intent, String agentId, String key) {
    byte[] value = intent.toString().getBytes(StandardCharsets.UTF_8);
    return send(intent, agentId, sign(agentId, key, value));
  }

  private static String send(ObjectNode intent, String agentId, String signature) {
    TopicIO.send(
        Topics.INTENTS,
        intent.path("mailbox_id").asText(),
        intent.toString().getBytes(StandardCharsets.UTF_8),
        Map.of(EventHeaders.INTENT_AGENT, agentId, EventHeaders.INTENT_SIGNATURE, signature));
    return intent.path("intent_id").asText();
  }

  /** The clients' algorithm, written from their documentation. */
  static String sign(String agentId, String key, byte[] value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(key), "HmacSHA256"));
      mac.update(("mailgate-intent-v1\n" + agentId + "\n").getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> decisions(String id, int count) {
    return awaitJson(Topics.DECISIONS, count, forIntent(id));
  }

  private static void assertRejected(String id, String reason) {
    JsonNode last = decisions(id, 1).get(0);
    assertThat(last.get("state").asText()).isEqualTo("rejected");
    assertThat(last.get("reason").asText()).contains(reason);
  }
}
