package dev.mailgate.outbound;

import dev.mailgate.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no Test suffix). Run on demand: {@code ./mvnw -pl outbound-service test
 * -Dtest=DeliveryThroughputBench -Dbench.emails=3000 -Dbench.mailboxes=30}. Prints how fast
 * approved emails become {@code accepted} outcomes through the sandbox process.
 */
@QuarkusTest
@OutboundTestResources
class DeliveryThroughputBench {

  @Test
  void throughput() {
    int emails = Integer.getInteger("bench.emails", 3000);
    int mailboxCount = Integer.getInteger("bench.mailboxes", 30);
    Sandbox.calm();
    List<String> mailboxes = new ArrayList<>();
    for (int i = 0; i < mailboxCount; i++) {
      mailboxes.add(Sandbox.mailbox("mbx_bench"));
    }
    List<com.fasterxml.jackson.databind.node.ObjectNode> approved = new ArrayList<>();
    for (int i = 0; i < emails; i++) {
      approved.add(Bus.approved(mailboxes.get(i % mailboxCount)));
    }
    long began = System.nanoTime();
    Set<String> intents = new HashSet<>(Bus.publishAll(approved));
    double publishSeconds = (System.nanoTime() - began) / 1e9;
    Awaitility.await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> accepted(intents) >= emails);
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        "BENCH outbound: %d emails over %d mailboxes accepted in %.1f s = %.0f/s"
            + " (publishing took %.1f s)%n",
        emails, mailboxCount, seconds, emails / seconds, publishSeconds);
  }

  private static long accepted(Set<String> intents) {
    return Bus.read(Topics.OUTCOMES, n -> "accepted".equals(n.path("status").asText())).stream()
        .map(r -> Bus.intent(Bus.json(r.value())))
        .filter(intents::contains)
        .distinct()
        .count();
  }
}
