package dev.mailgate.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.PostgresDatabase;
import dev.mailgate.testsupport.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service is killed (SIGKILL) mid-stream, between MultiMail calls and offset commits,
 * and started again: every approved email still ends accepted and MultiMail delivered each once.
 */
class CrashRecoveryIT {

  private static final int EMAILS = 300;

  @AfterEach
  void calm() {
    Sandbox.calm();
  }

  @Test
  void aKilledServiceNeverSendsTwice() {
    Sandbox.calm();
    Sandbox.faults("{\"latency_ms\":20,\"error_rate\":0.1}");
    PostgresDatabase db = PostgresServer.shared().database("mailgate_outbound_it");
    Path log = Path.of("target", "crash-recovery-it.log");
    List<String> mailboxes = List.of(Sandbox.mailbox("mbx_it_a"), Sandbox.mailbox("mbx_it_b"));
    List<String> intents = new ArrayList<>();
    for (int i = 0; i < EMAILS; i++) {
      intents.add(Bus.publish(Bus.approved(mailboxes.get(i % 2))));
    }

    PackagedApp first = PackagedApp.start(db, log);
    Bus.await(Topics.OUTCOMES, 40, n -> intents.contains(Bus.intent(n)));
    first.kill();
    int acceptedBeforeRestart = accepted(intents);

    PackagedApp second = PackagedApp.start(db, log);
    try {
      Map<String, List<JsonNode>> outcomes = Bus.awaitFinal(intents, Duration.ofSeconds(120));
      for (String intent : intents) {
        List<String> statuses = Bus.statuses(outcomes.get(intent));
        assertThat(statuses).as(intent).contains("accepted").doesNotContain("failed");
        assertThat(Sandbox.deliveries(intent)).as(intent).isEqualTo(1);
      }
      assertThat(acceptedBeforeRestart).isLessThan(EMAILS); // it really died mid-stream
    } finally {
      second.stop();
    }
  }

  private static int accepted(List<String> intents) {
    return (int)
        Bus.read(Topics.OUTCOMES, n -> intents.contains(Bus.intent(n))).stream()
            .map(r -> Bus.json(r.value()))
            .filter(n -> "accepted".equals(n.path("status").asText()))
            .map(Bus::intent)
            .distinct()
            .count();
  }
}
