package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.PostgresServer;
import dev.mailgate.testsupport.TestTokens;
import dev.mailgate.testsupport.TopicIO;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for a minute under a steady stream of intents and with inbound mail arriving,
 * then started again, as an operator's restart or a failover does it: every intent is decided and
 * delivered exactly once, every inbound email reaches the agents once, nothing is dead-lettered,
 * and the audit holds every event with its chains intact.
 */
class DatabaseOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static final Duration STEP = Duration.ofMillis(100); // 10 intents a second

  private final MailGate mailgate = MailGate.shared();

  @Test
  void aMinuteWithoutTheDatabaseLosesNothingAndDoublesNothing() {
    Map<String, Integer> dlqBefore = dlqSizes();
    String team = "outage-" + UUID.randomUUID();
    List<String> intents = new ArrayList<>();
    List<String> subjects = new ArrayList<>();

    publishFor(Duration.ofSeconds(5), team, intents);
    PostgresServer.shared().stop();
    try {
      long end = System.nanoTime() + OUTAGE.toNanos();
      int n = 0;
      while (System.nanoTime() < end) {
        intents.add(publish(team, intents.size()));
        if (n++ % 20 == 0) {
          String subject = "During the outage " + UUID.randomUUID();
          receive(subject);
          subjects.add(subject);
        }
        LockSupport.parkNanos(STEP.toNanos());
      }
    } finally {
      PostgresServer.shared().restart();
    }
    publishFor(Duration.ofSeconds(5), team, intents);

    await("every intent delivered")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> delivered(intents) == intents.size());
    Map<String, Integer> counts = deliveryCounts(intents);
    assertThat(counts.values()).as("deliveries per intent").containsOnly(1);
    for (String subject : subjects) {
      await("inbound " + subject).atMost(Duration.ofMinutes(2)).until(() -> released(subject) > 0);
    }
    await("the audit holds every approval")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> audited(team) >= intents.size());

    for (String subject : subjects) {
      assertThat(released(subject)).as("released once: %s", subject).isEqualTo(1);
    }
    assertThat(approvedDecisions(intents).values()).containsOnly(1);
    assertThat(dlqSizes()).isEqualTo(dlqBefore);
    Http.Reply chains =
        Http.get(mailgate.auditUrl() + "/audit/chains/verify", TestTokens.admin("auditor"));
    assertThat(chains.status()).isEqualTo(200);
    chains
        .body()
        .forEach(
            chain -> assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue());
  }

  private void publishFor(Duration duration, String team, List<String> intents) {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      intents.add(publish(team, intents.size()));
      LockSupport.parkNanos(STEP.toNanos());
    }
  }

  private static String publish(String team, int n) {
    ObjectNode intent =
        Intents.send(MailGate.AUTONOMOUS, "SalesAgent", Intents.recipient(), "Steady " + n, "b");
    intent.put("team", team);
    Bus.publishIntent(intent);
    return intent.path("intent_id").asText();
  }

  private void receive(String subject) {
    mailgate
        .sandbox()
        .call(
            "POST",
            "/sandbox/inbound",
            "{\"mailbox_id\":\""
                + MailGate.AUTONOMOUS
                + "\",\"from\":\"customer@example.org\","
                + "\"subject\":\""
                + subject
                + "\",\"markdown\":\"Still there?\"}");
  }

  private static long released(String subject) {
    return Bus.values(Topics.INBOUND, e -> subject.equals(e.path("subject").asText())).stream()
        .map(e -> e.path("email_id").asText())
        .count();
  }

  private static long delivered(List<String> intents) {
    JsonNode counts = Deliveries.counts().path("by_idempotency_key");
    return intents.stream().filter(id -> counts.path(id).asInt(0) > 0).count();
  }

  private static Map<String, Integer> deliveryCounts(List<String> intents) {
    JsonNode counts = Deliveries.counts().path("by_idempotency_key");
    Map<String, Integer> byIntent = new HashMap<>();
    intents.forEach(id -> byIntent.put(id, counts.path(id).asInt(0)));
    return byIntent;
  }

  /** Distinct approved decisions per intent (a redelivered event has the same event id). */
  private static Map<String, Integer> approvedDecisions(List<String> intents) {
    Set<String> wanted = Set.copyOf(intents);
    Map<String, Set<String>> eventIds = new HashMap<>();
    TopicIO.records(Topics.DECISIONS)
        .forEach(
            record -> {
              JsonNode value = json(record.value());
              String intent = value.path("intent_id").asText();
              if (wanted.contains(intent) && "approved".equals(value.path("state").asText())) {
                eventIds
                    .computeIfAbsent(intent, k -> new java.util.HashSet<>())
                    .add(TopicIO.header(record, "event_id"));
              }
            });
    Map<String, Integer> counts = new HashMap<>();
    intents.forEach(id -> counts.put(id, eventIds.getOrDefault(id, Set.of()).size()));
    return counts;
  }

  private long audited(String team) {
    String export =
        Http.getText(
            mailgate.auditUrl()
                + "/audit/export?format=jsonl&event_type=decision.approved&team="
                + team,
            TestTokens.admin("auditor"));
    return export.lines().filter(line -> !line.isBlank()).count();
  }

  private static Map<String, Integer> dlqSizes() {
    Map<String, Integer> sizes = new HashMap<>();
    for (String topic : Topics.ALL) {
      sizes.put(Topics.dlq(topic), TopicIO.records(Topics.dlq(topic)).size());
    }
    return sizes;
  }

  private static JsonNode json(byte[] value) {
    try {
      return Http.JSON.readTree(value);
    } catch (Exception e) {
      return Http.JSON.createObjectNode();
    }
  }
}
