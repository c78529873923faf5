package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static dev.mailgate.approval.Reviews.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ApprovalTestResources
class ExpiryAndInboundTest {

  @Test
  void anUnreviewedItemExpiresWithTheMailboxsActionAndTheAgentIsTold() {
    String rejected =
        publish(
            intent("mbx_expiry", "Engineer", "late@customer.example.com", "Late", "Nobody looks."));
    String approved =
        publish(
            intent(
                "mbx_expiry_approve",
                "Engineer",
                "late@customer.example.com",
                "Late",
                "Nobody looks."));

    JsonNode expired = awaitJson(Topics.DECISIONS, 3, forIntent(rejected)).get(2);
    JsonNode autoApproved = awaitJson(Topics.DECISIONS, 3, forIntent(approved)).get(2);

    assertThat(expired.get("state").asText()).isEqualTo("expired");
    assertThat(expired.get("reason").asText()).isEqualTo("expired");
    assertThat(expired.at("/actor/type").asText()).isEqualTo("system");
    assertThat(autoApproved.get("state").asText()).isEqualTo("approved");
    assertThat(awaitJson(Topics.APPROVED, 1, forIntent(approved))).hasSize(1);
    assertThat(Bus.read(Topics.APPROVED, forIntent(rejected))).isEmpty();
  }

  @Test
  void inboundMailIsReleasedAtOnceExceptInGatedAllMailboxes() {
    String open = inbound("mbx_gated");
    String gated = inbound("mbx_all");
    String marker = inbound("mbx_auto");

    awaitJson(Topics.INBOUND, 1, byEmail(marker));
    JsonNode released = awaitJson(Topics.INBOUND, 1, byEmail(open)).get(0);
    assertThat(released.at("/released_by/type").asText()).isEqualTo("policy");
    // The mailbox's read grants at release decide which roles are handed the email.
    assertThat(released.at("/read_grants/ProductManager").asBoolean()).isTrue();
    assertThat(released.at("/read_grants/Engineer").asBoolean()).isTrue();
    assertThat(released.path("read_grants").has("*")).isFalse();
    assertThat(Bus.read(Topics.INBOUND, byEmail(gated))).isEmpty();

    String reviewer = TestTokens.reviewer("ivy", "mbx_all");
    as(reviewer).get("/api/inbound").then().statusCode(200).body("email_id", hasItem(gated));
    as(reviewer).post("/api/inbound/{id}/release", gated).then().statusCode(200);
    as(reviewer).post("/api/inbound/{id}/release", gated).then().statusCode(409);

    JsonNode afterReview = awaitJson(Topics.INBOUND, 1, byEmail(gated)).get(0);
    assertThat(afterReview.at("/released_by/id").asText()).isEqualTo("ivy");
    assertThat(afterReview.get("thread_id").asText()).isEqualTo("thr-" + gated);
    assertThat(afterReview.path("read_grants").toString()).isEqualTo("{\"*\":true}");
  }

  @Test
  void aRedeliveredInboundEmailIsReleasedOnceAndGarbageGoesToTheDeadLetterTopic() {
    String id = inbound("mbx_auto");
    inbound("mbx_auto", id);
    String marker = UUID.randomUUID().toString();
    Bus.send(
        Topics.INBOUND_RECEIVED,
        "mbx_auto",
        ("{\"oops\": \"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));
    String after = inbound("mbx_auto");

    awaitJson(Topics.INBOUND, 1, byEmail(after));
    assertThat(Bus.read(Topics.INBOUND, byEmail(id))).hasSize(1);
    assertThat(
            Bus.await(
                Topics.dlq(Topics.INBOUND_RECEIVED),
                1,
                node -> marker.equals(node.path("oops").asText())))
        .allSatisfy(
            r ->
                assertThat(Bus.header(r, "dead-letter-reason"))
                    .contains("email_id and mailbox_id are required"));
  }

  @Test
  void rejectingHeldInboundNeedsAReason() {
    String gated = inbound("mbx_all");
    String reviewer = TestTokens.reviewer("ivy", "mbx_all");
    org.awaitility.Awaitility.await()
        .until(
            () ->
                as(reviewer)
                    .get("/api/inbound")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("email_id")
                    .contains(gated));

    as(reviewer).body(Map.of()).post("/api/inbound/{id}/reject", gated).then().statusCode(400);
    as(reviewer)
        .body(Map.of("reason", "phishing"))
        .post("/api/inbound/{id}/reject", gated)
        .then()
        .statusCode(200);
    as(TestTokens.reviewer("other", "mbx_gated"))
        .post("/api/inbound/{id}/release", gated)
        .then()
        .statusCode(404);
  }

  private static String inbound(String mailbox) {
    return inbound(mailbox, "em-" + UUID.randomUUID());
  }

  private static String inbound(String mailbox, String id) {
    String json =
        "{\"email_id\":\""
            + id
            + "\",\"mailbox_id\":\""
            + mailbox
            + "\",\"thread_id\":\"thr-"
            + id
            + "\",\"from\":\"customer@example.com\",\"to\":[\"x@example.org\"],\"subject\":\"Re: hi\","
            + "\"markdown\":\"Thanks\",\"received_at\":\"2026-11-24T12:00:00Z\"}";
    Bus.send(Topics.INBOUND_RECEIVED, mailbox, json.getBytes(StandardCharsets.UTF_8));
    return id;
  }

  private static Predicate<JsonNode> byEmail(String id) {
    return node -> id.equals(node.path("email_id").asText(null));
  }
}
