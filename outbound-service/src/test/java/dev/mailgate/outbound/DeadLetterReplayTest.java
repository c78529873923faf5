package dev.mailgate.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An email MultiMail refused is dead-lettered; once the cause is fixed an operator replays it:
 * replayed twice, it is delivered once. The listing shows the reason and stays within the token's
 * mailboxes.
 */
@QuarkusTest
@OutboundTestResources
class DeadLetterReplayTest {

  private static final String DLQ = Topics.dlq(Topics.APPROVED);

  @BeforeEach
  void calm() {
    Sandbox.calm();
  }

  @Test
  void aFixedCauseIsReplayedAndDeliveredOnceHoweverOftenItIsReplayed() {
    String mailbox =
        Sandbox.mailbox("mbx_replay_" + UUID.randomUUID().toString().substring(0, 8), "read_only");
    String intent = Bus.publish(Bus.approved(mailbox));
    assertThat(Bus.statuses(Bus.awaitFinal(List.of(intent)).get(intent))).containsExactly("failed");
    ConsumerRecord<String, byte[]> dead =
        Bus.await(DLQ, 1, n -> intent.equals(Bus.intent(n))).get(0);
    String position = dead.partition() + ":" + dead.offset();
    String admin = TestTokens.token("olga", Set.of("admin"), List.of(mailbox));

    given()
        .auth()
        .oauth2(admin)
        .get("/admin/dead-letters/{topic}", DLQ)
        .then()
        .statusCode(200)
        .body("findAll { it.key == '" + mailbox + "' }", hasSize(1))
        .body(
            "find { it.key == '" + mailbox + "' }.reason",
            org.hamcrest.Matchers.containsString("403"));
    String stranger = TestTokens.token("sam", Set.of("admin"), List.of("mbx_other"));
    given()
        .auth()
        .oauth2(stranger)
        .get("/admin/dead-letters/{topic}", DLQ)
        .then()
        .statusCode(200)
        .body("findAll { it.key == '" + mailbox + "' }", hasSize(0));
    given()
        .auth()
        .oauth2(stranger)
        .contentType(ContentType.JSON)
        .body(Map.of("records", List.of(position)))
        .post("/admin/dead-letters/{topic}/replay", DLQ)
        .then()
        .statusCode(200)
        .body("replayed", hasSize(0));

    Sandbox.mailbox(mailbox, "autonomous"); // the cause is fixed
    for (int i = 0; i < 2; i++) {
      given()
          .auth()
          .oauth2(admin)
          .contentType(ContentType.JSON)
          .body(Map.of("records", List.of(position)))
          .post("/admin/dead-letters/{topic}/replay", DLQ)
          .then()
          .statusCode(200)
          .body("replayed", hasSize(1));
    }

    Bus.await(Topics.OUTCOMES, 1, n -> intent.equals(Bus.intent(n)) && accepted(n));
    String marker = Bus.publish(Bus.approved(mailbox));
    Bus.awaitFinal(List.of(marker));
    assertThat(Sandbox.deliveries(intent)).isEqualTo(1);
    assertThat(Bus.read(Topics.OUTCOMES, n -> intent.equals(Bus.intent(n)) && accepted(n)))
        .hasSize(1);
    assertThat(Bus.records(Topics.APPROVED, r -> position(dead).equals(replayOf(r)))).hasSize(2);
  }

  @Test
  void badReplayRequestsAreClearErrors() {
    String admin = TestTokens.token("olga", Set.of("admin"), List.of("*"));
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/admin/dead-letters/{topic}/replay", DLQ)
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("records", List.of("not-a-position")))
        .post("/admin/dead-letters/{topic}/replay", DLQ)
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(admin)
        .get("/admin/dead-letters/{topic}", "mail.intents.dlq")
        .then()
        .statusCode(404);
    given().get("/admin/dead-letters").then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.reviewer("rita", "*"))
        .get("/admin/dead-letters")
        .then()
        .statusCode(403);
  }

  private static boolean accepted(com.fasterxml.jackson.databind.JsonNode outcome) {
    return "accepted".equals(outcome.path("status").asText());
  }

  private static String position(ConsumerRecord<String, byte[]> record) {
    return record.topic() + "/" + record.partition() + "@" + record.offset();
  }

  private static String replayOf(ConsumerRecord<String, byte[]> record) {
    return Bus.header(record, EventHeaders.REPLAY_OF);
  }
}
