package dev.mailgate.inboxpoller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.inboxpoller.service.MailboxHealth;
import dev.mailgate.testsupport.Management;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 429s, 5xx and dropped connections from the sandbox: polling backs off, recovers, loses nothing.
 */
@QuarkusTest
@PollerTestResources
class FaultTest {

  private static final String MAILBOX = Mailboxes.FAULT;

  @Inject MeterRegistry registry;
  @Inject MailboxHealth health;

  @AfterEach
  void noFaults() {
    Inbox.clearFaults();
  }

  @Test
  void rateLimitedPollingWaitsAndThenPublishesEverything() {
    double before = errors("rate_limited");
    Inbox.faults("{\"throttle_next\": 12, \"retry_after_seconds\": 1}");
    List<String> ids = inject(6, "throttled");

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> errors("rate_limited") > before);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Inbox.currentFaults().path("throttle_next").asInt() == 0);

    List<String> published = Bus.awaitEmailIds(MAILBOX, ids);
    assertThat(published.stream().filter(ids::contains).toList()).containsExactlyElementsOf(ids);
    assertThat(published).doesNotHaveDuplicates();
  }

  @Test
  void serverErrorsAndDroppedConnectionsBackOffTurnReadinessDownAndRecover() {
    Inbox.faults("{\"error_rate\": 1.0, \"error_status\": 503}");
    List<String> ids = inject(4, "during outage");

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.status(MAILBOX).failuresInARow() >= 3);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> given().port(Management.TEST_PORT).get("/q/health/ready").then().statusCode(503));
    assertThat(errors("server")).isPositive();

    Inbox.faults("{\"reset_next\": 3}");
    List<String> published = Bus.awaitEmailIds(MAILBOX, ids);

    assertThat(published.stream().filter(ids::contains).toList()).containsExactlyElementsOf(ids);
    assertThat(published).doesNotHaveDuplicates();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> given().port(Management.TEST_PORT).get("/q/health/ready").then().statusCode(200));
    given()
        .port(Management.TEST_PORT)
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(
            org.hamcrest.Matchers.containsString(
                "mailgate_poller_lag_seconds{mailbox=\"" + MAILBOX))
        .body(
            org.hamcrest.Matchers.containsString(
                "mailgate_poller_emitted_total{mailbox=\"" + MAILBOX));
  }

  private double errors(String kind) {
    Counter counter =
        registry.find("mailgate.poller.errors").tags("mailbox", MAILBOX, "kind", kind).counter();
    return counter == null ? 0 : counter.count();
  }

  private static List<String> inject(int count, String label) {
    return IntStream.range(0, count)
        .mapToObj(i -> Inbox.receive(MAILBOX, label + " " + i).id())
        .toList();
  }
}
