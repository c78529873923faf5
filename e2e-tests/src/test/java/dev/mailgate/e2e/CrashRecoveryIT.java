package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * outbound-service is killed with SIGKILL while it is delivering a stream of emails and started
 * again: every email is delivered, none twice (the intent id is MultiMail's idempotency key).
 */
class CrashRecoveryIT {

  private static final int EMAILS = 30;

  private final MailGate mailgate = MailGate.shared();

  @AfterEach
  void clearFaults() {
    mailgate.sandbox().call("DELETE", "/sandbox/faults", null);
  }

  @Test
  void aServiceKilledMidStreamLosesNothingAndDeliversNothingTwice() {
    // Slow MultiMail down so the kill lands in the middle of the stream.
    mailgate.sandbox().call("PUT", "/sandbox/faults", "{\"latency_ms\": 150}");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < EMAILS; i++) {
      ObjectNode intent =
          Intents.send(
              MailGate.CRASH,
              "SalesAgent",
              Intents.recipient(),
              "Stream " + i,
              "Email " + i + " of a stream.");
      ids.add(intent.path("intent_id").asText());
      Bus.publishIntent(intent);
    }
    await("the first deliveries")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> delivered(ids) >= 3);

    ServiceProcess outbound = mailgate.service("outbound-service");
    outbound.kill();
    int deliveredBeforeRestart = delivered(ids);
    clearFaults();
    outbound.start();
    outbound.awaitReady();

    await("every email delivered")
        .atMost(Duration.ofSeconds(90))
        .until(() -> delivered(ids) == EMAILS);
    assertThat(deliveredBeforeRestart).as("killed mid-stream").isLessThan(EMAILS);
    for (String id : ids) {
      assertThat(Deliveries.count(id)).as("deliveries of %s", id).isEqualTo(1);
    }
    await("an accepted outcome for every email")
        .atMost(Duration.ofSeconds(60))
        .until(() -> acceptedOutcomes(ids) == EMAILS);
  }

  private static int delivered(List<String> ids) {
    var counts = Deliveries.counts().path("by_idempotency_key");
    return (int) ids.stream().filter(id -> counts.path(id).asInt(0) > 0).count();
  }

  private static long acceptedOutcomes(List<String> ids) {
    return Bus.values(
            "mail.outcomes",
            o ->
                ids.contains(o.path("intent_id").asText())
                    && "accepted".equals(o.path("status").asText()))
        .stream()
        .map(o -> o.path("intent_id").asText())
        .distinct()
        .count();
  }
}
