package dev.mailgate.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transient faults injected into the sandbox: every approved email still ends accepted, delivered
 * exactly once, with one {@code retrying} outcome per backoff step.
 */
@QuarkusTest
@OutboundTestResources
class FaultToleranceTest {

  @BeforeEach
  @AfterEach
  void calm() {
    Sandbox.calm();
  }

  @Test
  void thirtyPercentServerErrors() {
    Sandbox.faults("{\"error_rate\":0.3,\"error_status\":503}");
    List<String> intents = publish(30, 5, "mbx_5xx");

    Map<String, List<JsonNode>> outcomes = Bus.awaitFinal(intents);

    assertDeliveredOnce(intents, outcomes);
    List<JsonNode> retries = retrying(outcomes);
    assertThat(retries)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.path("http_status").asInt()).isEqualTo(503));
  }

  @Test
  void rateLimitBurstsHonourRetryAfter() {
    Sandbox.faults("{\"throttle_next\":3,\"retry_after_seconds\":1}");
    List<String> intents = publish(5, 1, "mbx_429");

    Map<String, List<JsonNode>> outcomes = Bus.awaitFinal(intents);

    assertDeliveredOnce(intents, outcomes);
    List<JsonNode> retries = retrying(outcomes);
    assertThat(retries).hasSize(3); // one per 429: the rest of the mailbox waited without calling
    for (JsonNode retry : retries) {
      assertThat(retry.path("http_status").asInt()).isEqualTo(429);
      Duration wait =
          Duration.between(
              Instant.parse(retry.path("occurred_at").asText()),
              Instant.parse(retry.path("retry_at").asText()));
      assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void slowAnswersPastTheClientTimeoutAreRetriedWithTheSameKey() {
    Sandbox.faults("{\"latency_ms\":1500}"); // the client gives up after 1 s in tests
    List<String> intents = publish(3, 3, "mbx_slow");
    Bus.await(Topics.OUTCOMES, 3, n -> intents.contains(Bus.intent(n)));
    Sandbox.calm();

    Map<String, List<JsonNode>> outcomes = Bus.awaitFinal(intents);

    assertDeliveredOnce(intents, outcomes);
    assertThat(retrying(outcomes))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.path("error").asText()).contains("did not answer"));
  }

  @Test
  void connectionResets() {
    Sandbox.faults("{\"reset_next\":4}");
    List<String> intents = publish(4, 4, "mbx_reset");

    Map<String, List<JsonNode>> outcomes = Bus.awaitFinal(intents);

    assertDeliveredOnce(intents, outcomes);
    assertThat(retrying(outcomes))
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.path("error").asText()).contains("Connection"));
  }

  /** {@code count} approved emails spread over {@code mailboxes} new mailboxes. */
  private static List<String> publish(int count, int mailboxes, String prefix) {
    List<String> ids = new ArrayList<>();
    for (int m = 0; m < mailboxes; m++) {
      ids.add(Sandbox.mailbox(prefix));
    }
    List<String> intents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      intents.add(Bus.publish(Bus.approved(ids.get(i % mailboxes))));
    }
    return intents;
  }

  private static void assertDeliveredOnce(
      List<String> intents, Map<String, List<JsonNode>> outcomes) {
    for (String intent : intents) {
      List<JsonNode> mine = outcomes.get(intent);
      List<String> statuses = Bus.statuses(mine);
      assertThat(statuses.get(statuses.size() - 1)).as(intent).isEqualTo("accepted");
      assertThat(statuses.subList(0, statuses.size() - 1)).as(intent).allMatch("retrying"::equals);
      List<Integer> attempts = mine.stream().map(n -> n.path("attempt").asInt()).toList();
      assertThat(attempts)
          .as("one outcome per try of " + intent)
          .doesNotHaveDuplicates()
          .isSorted();
      assertThat(Sandbox.deliveries(intent)).as(intent).isEqualTo(1);
    }
  }

  private static List<JsonNode> retrying(Map<String, List<JsonNode>> outcomes) {
    return outcomes.values().stream()
        .flatMap(List::stream)
        .filter(n -> "retrying".equals(n.path("status").asText()))
        .toList();
  }
}
