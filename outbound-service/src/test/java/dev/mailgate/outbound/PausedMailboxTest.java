package dev.mailgate.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quota exhaustion and rate limits pause one mailbox, never the others; operators resume. */
@QuarkusTest
@OutboundTestResources
class PausedMailboxTest {

  private static final String ADMIN = TestTokens.admin("ops");

  @BeforeEach
  @AfterEach
  void calm() {
    Sandbox.calm();
  }

  @Test
  void quotaExhaustionIsAnnouncedOnceAndDeliveryResumesWhenMultiMailAcceptsAgain() {
    Sandbox.limits("{\"monthly_quota\":1000,\"emails_sent_this_month\":1000}");
    String mailbox = Sandbox.mailbox("mbx_quota");
    List<String> intents =
        IntStream.range(0, 4).mapToObj(i -> Bus.publish(Bus.approved(mailbox))).toList();
    Bus.await(Topics.OUTCOMES, 1, n -> isQuota(n) && mailbox.equals(n.path("mailbox_id").asText()));
    Object firstResume = pause(mailbox).get("resume_at");
    Awaitility.await() // a probe found the quota still used up and paused the mailbox again
        .atMost(Duration.ofSeconds(30))
        .until(() -> !firstResume.equals(pause(mailbox).get("resume_at")));
    assertThat(pause(mailbox).get("reason")).isEqualTo("quota_exhausted");

    Sandbox.calm(); // the quota resets

    Map<String, List<JsonNode>> outcomes = Bus.awaitFinal(intents);
    List<JsonNode> all = outcomes.values().stream().flatMap(List::stream).toList();
    assertThat(all.stream().filter(PausedMailboxTest::isQuota)).hasSize(1);
    assertThat(all.stream().filter(n -> "retrying".equals(n.path("status").asText()))).isEmpty();
    for (String intent : intents) {
      List<String> statuses = Bus.statuses(outcomes.get(intent));
      assertThat(statuses.get(statuses.size() - 1)).isEqualTo("accepted");
      assertThat(Sandbox.deliveries(intent)).isEqualTo(1);
    }
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/mailboxes/paused")
        .then()
        .body("mailbox_id", not(hasItem(mailbox)));
  }

  @Test
  void aRateLimitedMailboxWaitsWhileOthersAreDeliveredUntilAnOperatorResumesIt() {
    String waiting = Sandbox.mailbox("mbx_wait");
    String other = Sandbox.mailbox("mbx_other");
    Sandbox.faults("{\"throttle_next\":1,\"retry_after_seconds\":600}");
    String first = Bus.publish(Bus.approved(waiting));
    Bus.await(Topics.OUTCOMES, 1, n -> first.equals(Bus.intent(n)));
    String second = Bus.publish(Bus.approved(waiting));
    List<String> others =
        IntStream.range(0, 3).mapToObj(i -> Bus.publish(Bus.approved(other))).toList();

    Map<String, List<JsonNode>> delivered = Bus.awaitFinal(others);

    delivered.values().forEach(o -> assertThat(Bus.statuses(o)).containsExactly("accepted"));
    assertThat(Bus.read(Topics.OUTCOMES, n -> second.equals(Bus.intent(n)))).isEmpty();
    assertThat(
            Bus.statuses(
                Bus.read(Topics.OUTCOMES, n -> first.equals(Bus.intent(n))).stream()
                    .map(r -> Bus.json(r.value()))
                    .toList()))
        .containsExactly("retrying");
    assertThat(Sandbox.deliveries(first) + Sandbox.deliveries(second)).isZero();
    Map<String, Object> pause = pause(waiting);
    assertThat(pause.get("reason")).isEqualTo("rate_limited");
    assertThat(pause.get("waiting")).isEqualTo(2);

    given().post("/api/mailboxes/" + waiting + "/resume").then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.reviewer("rita", waiting))
        .post("/api/mailboxes/" + waiting + "/resume")
        .then()
        .statusCode(403);
    String adminOfAnother =
        TestTokens.token("otto", java.util.Set.of("admin"), List.of("mbx_somewhere_else"));
    given()
        .auth()
        .oauth2(adminOfAnother)
        .post("/api/mailboxes/" + waiting + "/resume")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(adminOfAnother)
        .get("/api/mailboxes/paused")
        .then()
        .statusCode(200)
        .body("mailbox_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(waiting)));
    given()
        .auth()
        .oauth2(ADMIN)
        .post("/api/mailboxes/" + waiting + "/resume")
        .then()
        .statusCode(200)
        .body("was_paused", is(true))
        .body("reason", is("rate_limited"))
        .body("released", is(2));

    Map<String, List<JsonNode>> resumed = Bus.awaitFinal(List.of(first, second));
    assertThat(Bus.statuses(resumed.get(first))).containsExactly("retrying", "accepted");
    assertThat(Bus.statuses(resumed.get(second))).containsExactly("accepted");
    assertThat(Sandbox.deliveries(first)).isEqualTo(1);
    assertThat(Sandbox.deliveries(second)).isEqualTo(1);
  }

  @Test
  void resumeRejectsBadIdsAsProblemsAndIsHarmlessOnARunningMailbox() {
    given()
        .auth()
        .oauth2(ADMIN)
        .post("/api/mailboxes/bad%20id!/resume")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", is(400));
    given()
        .auth()
        .oauth2(ADMIN)
        .post("/api/mailboxes/mbx_running/resume")
        .then()
        .statusCode(200)
        .body("was_paused", is(false))
        .body("released", is(0));
  }

  private static boolean isQuota(JsonNode outcome) {
    return "quota_exhausted".equals(outcome.path("status").asText());
  }

  /** The mailbox's entry in the operators' list of paused mailboxes. */
  private static Map<String, Object> pause(String mailbox) {
    List<Map<String, Object>> paused =
        given()
            .auth()
            .oauth2(ADMIN)
            .get("/api/mailboxes/paused")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.mailbox_id == '" + mailbox + "' }");
    assertThat(paused).hasSize(1);
    return paused.get(0);
  }
}
