package dev.mailgate.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery whose earlier try may have reached MultiMail is never retried past MultiMail's
 * idempotency window (shortened here to seconds): it ends as {@code unknown} and waits for an
 * operator, who resolves it as delivered or sends it again — once.
 */
@QuarkusTest
@OutboundTestResources
@TestProfile(UnknownOutcomeTest.ShortIdempotencyWindow.class)
class UnknownOutcomeTest {

  /** MultiMail's 24 h, as 3 seconds. */
  public static class ShortIdempotencyWindow implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "mailgate.outbound.retry.idempotency-window", "3s",
          "mailgate.outbound.retry.idempotency-margin", "0s",
          "mailgate.outbound.retry.initial-delay", "500ms",
          "mailgate.outbound.retry.max-delay", "1s");
    }
  }

  private static final String ADMIN = TestTokens.admin("oscar");

  @BeforeEach
  void calm() {
    Sandbox.calm();
  }

  @Test
  void pastTheWindowAnUncertainDeliveryWaitsForAnOperatorWhoSendsItOnce() {
    String mailbox = Sandbox.mailbox("mbx_unknown");
    Sandbox.faults("{\"error_rate\": 1.0, \"error_status\": 503}");
    String intent = Bus.publish(Bus.approved(mailbox));

    JsonNode unknown =
        Bus.await(Topics.OUTCOMES, 1, n -> intent.equals(Bus.intent(n)) && status(n, "unknown"))
            .stream()
            .map(r -> Bus.json(r.value()))
            .findFirst()
            .orElseThrow();
    assertThat(unknown.path("error").asText()).contains("idempotency window");
    Sandbox.calm();
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/api/deliveries/unknown")
        .then()
        .statusCode(200)
        .body("intent_id", hasItem(intent));
    assertThat(Sandbox.deliveries(intent)).isZero(); // nothing more was tried by itself

    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("action", "resend", "reason", "MultiMail's sent list does not have it"))
        .post("/api/deliveries/{id}/resolve", intent)
        .then()
        .statusCode(204);

    assertThat(Bus.statuses(Bus.awaitFinal(List.of(intent), Duration.ofSeconds(30)).get(intent)))
        .endsWith("accepted");
    assertThat(Sandbox.deliveries(intent)).isEqualTo(1);
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("action", "resend"))
        .post("/api/deliveries/{id}/resolve", intent)
        .then()
        .statusCode(404);
  }

  @Test
  void anOperatorWhoFindsItSentRecordsItAsDeliveredWithoutACall() {
    String mailbox = Sandbox.mailbox("mbx_unknown_sent");
    Sandbox.faults("{\"error_rate\": 1.0, \"error_status\": 500}");
    String intent = Bus.publish(Bus.approved(mailbox));
    Bus.await(Topics.OUTCOMES, 1, n -> intent.equals(Bus.intent(n)) && status(n, "unknown"));
    Sandbox.calm();

    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("action", "bogus"))
        .post("/api/deliveries/{id}/resolve", intent)
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("action", "delivered", "provider_email_id", "em_found_by_hand"))
        .post("/api/deliveries/{id}/resolve", intent)
        .then()
        .statusCode(204);

    JsonNode accepted =
        Bus.awaitFinal(List.of(intent), Duration.ofSeconds(30)).get(intent).stream()
            .filter(n -> status(n, "accepted"))
            .findFirst()
            .orElseThrow();
    assertThat(accepted.path("provider_status").asText()).isEqualTo("confirmed_by_operator");
    assertThat(accepted.path("provider_email_id").asText()).isEqualTo("em_found_by_hand");
    assertThat(Sandbox.deliveries(intent)).isZero();
  }

  private static boolean status(JsonNode outcome, String status) {
    return status.equals(outcome.path("status").asText());
  }
}
