package dev.mailgate.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import dev.mailgate.multimail.client.model.Decision;
import dev.mailgate.outbound.service.ProviderModes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sent email is followed at MultiMail (the sandbox) to its final status, which reaches the agent on
 * {@code mail.outcomes} after {@code accepted}: delivered, bounced (the sandbox bounces mail to the
 * reserved {@code .invalid} domain), held by MultiMail's own reviewer and then rejected or
 * delivered.
 */
@QuarkusTest
@OutboundTestResources
@TestProfile(SentMailFollowTest.Following.class)
class SentMailFollowTest {

  /** Looks every few hundred milliseconds instead of from 30 s on. */
  public static class Following implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "mailgate.outbound.follow.enabled", "true",
          "mailgate.outbound.follow.first-check", "100ms",
          "mailgate.outbound.follow.max-interval", "300ms",
          "mailgate.outbound.follow.poll-interval", "100ms");
    }
  }

  @Inject ProviderModes modes;

  @BeforeEach
  void calm() {
    Sandbox.calm();
  }

  @Test
  void aDeliveredEmailIsAnnouncedOnceAfterItsAcceptance() {
    String mailbox = Sandbox.mailbox("mbx_follow");
    String intent = Bus.publish(Bus.approved(mailbox));

    JsonNode delivered = awaitOutcome(intent, "delivered");

    List<String> statuses = statuses(intent);
    assertThat(statuses).containsSubsequence("accepted", "delivered");
    JsonNode accepted = outcome(intent, "accepted");
    assertThat(delivered.path("provider_email_id").asText())
        .isEqualTo(accepted.path("provider_email_id").asText());
    assertThat(delivered.path("attempt").asInt()).isEqualTo(accepted.path("attempt").asInt());
    ConsumerRecord<String, byte[]> record =
        Bus.read(Topics.OUTCOMES, n -> intent.equals(Bus.intent(n)) && is(n, "delivered")).get(0);
    assertThat(Bus.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("outcome.delivered");
    assertThat(record.key()).isEqualTo(mailbox);

    // Final: nothing more is announced while the follower keeps looking at other mail.
    Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> statuses(intent).stream().filter("delivered"::equals).count() == 1);
  }

  @Test
  void aBounceReachesTheAgentWithItsType() {
    String mailbox = Sandbox.mailbox("mbx_bounce");
    ObjectNode email = Bus.approved(mailbox);
    email.putArray("to").add("nobody@nowhere.invalid");
    String intent = Bus.publish(email);

    JsonNode bounced = awaitOutcome(intent, "bounced");

    assertThat(bounced.path("error").asText()).startsWith("bounced (hard)");
    assertThat(statuses(intent)).containsSubsequence("accepted", "bounced");
    assertThat(statuses(intent)).doesNotContain("delivered");
  }

  @Test
  void mailHeldByMultiMailsReviewerIsAnnouncedThenItsVerdict() {
    String rejectedBox = Sandbox.mailbox("mbx_gated_r_" + suffix(), "gated_send");
    String approvedBox = Sandbox.mailbox("mbx_gated_a_" + suffix(), "gated_send");
    String toReject = Bus.publish(Bus.approved(rejectedBox));
    String toApprove = Bus.publish(Bus.approved(approvedBox));

    assertThat(modes.check())
        .anySatisfy(w -> assertThat(w).contains(rejectedBox + " (").contains("gated_send"))
        .noneSatisfy(w -> assertThat(w).contains("mbx_follow"));

    JsonNode held = awaitOutcome(toReject, "held_by_provider");
    awaitOutcome(toApprove, "held_by_provider");
    assertThat(held.path("provider_status").asText()).isEqualTo("pending_send_approval");

    Sandbox.client()
        .decide(held.path("provider_email_id").asText(), Decision.REJECT, "not our tone");
    Sandbox.client()
        .decide(
            outcome(toApprove, "accepted").path("provider_email_id").asText(),
            Decision.APPROVE,
            null);

    JsonNode rejected = awaitOutcome(toReject, "rejected_by_provider");
    assertThat(rejected.path("provider_status").asText()).isEqualTo("rejected");
    assertThat(statuses(toReject))
        .containsSubsequence("accepted", "held_by_provider", "rejected_by_provider")
        .containsOnlyOnce("held_by_provider");
    awaitOutcome(toApprove, "delivered");
    assertThat(statuses(toApprove))
        .containsSubsequence("accepted", "held_by_provider", "delivered");
  }

  private static JsonNode awaitOutcome(String intent, String status) {
    return Bus.json(
        Bus.await(Topics.OUTCOMES, 1, n -> intent.equals(Bus.intent(n)) && is(n, status))
            .get(0)
            .value());
  }

  private static JsonNode outcome(String intent, String status) {
    return Bus.json(
        Bus.read(Topics.OUTCOMES, n -> intent.equals(Bus.intent(n)) && is(n, status))
            .get(0)
            .value());
  }

  private static List<String> statuses(String intent) {
    return Bus.statuses(
        Bus.read(Topics.OUTCOMES, n -> intent.equals(Bus.intent(n))).stream()
            .map(r -> Bus.json(r.value()))
            .toList());
  }

  private static boolean is(JsonNode outcome, String status) {
    return status.equals(outcome.path("status").asText());
  }

  private static String suffix() {
    return java.util.UUID.randomUUID().toString().substring(0, 8);
  }
}
