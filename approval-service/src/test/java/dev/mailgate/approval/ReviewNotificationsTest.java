package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mailgate.approval.service.notify.ReviewNotifications;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.Management;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reviewers are told, through their mailbox's webhook, when an item is held or about to expire. */
@QuarkusTest
@ApprovalTestResources
class ReviewNotificationsTest {

  private static final String ADMIN = TestTokens.admin("notify-admin");
  private static final String MAILBOX = "mbx_notify";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private static final AtomicInteger calls = new AtomicInteger();
  private static HttpServer receiver;

  @Inject ReviewNotifications notifications;

  @BeforeAll
  static void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          // The first call fails, as a webhook that is briefly down does: it must be retried.
          int status = calls.incrementAndGet() == 1 ? 503 : 200;
          if (status == 200) {
            received.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void aHeldItemIsAnnouncedWithRetriesAndAgainWhenAboutToExpire() {
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    admin(
            Map.of(
                "address",
                "notify@example.org",
                "oversight_mode",
                "gated_send",
                "review_ttl",
                "PT30M",
                "notify_webhook_url",
                hook))
        .then()
        .statusCode(200)
        .body(containsString(hook));
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(Map.of("send", true, "read", true))
        .put("/api/mailboxes/" + MAILBOX + "/grants/Analyst")
        .then()
        .statusCode(200);

    String id =
        publish(
            intent(MAILBOX, "Analyst", "n1@customer.example.com", "<b>Renewal</b> & terms", "Hi."));
    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(id)).get(1).get("state").asText())
        .isEqualTo("held");

    JsonNode held = awaitNotification(id, "held");
    assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    assertThat(held.get("text").asText())
        .contains("Waiting for review in " + MAILBOX)
        .contains("&lt;b&gt;Renewal&lt;/b&gt; &amp; terms")
        .doesNotContain("<b>");
    assertThat(held.at("/mailgate/review_url").asText()).endsWith("/console/items/" + id);
    assertThat(held.at("/mailgate/subject").asText()).isEqualTo("<b>Renewal</b> & terms");

    // Its review TTL (30 min) is inside the warning time (1 h): the scan announces it once.
    notifications.queueExpiring();
    notifications.queueExpiring();
    JsonNode expiring = awaitNotification(id, "expiring");
    assertThat(expiring.get("text").asText()).startsWith("About to expire in " + MAILBOX);
    assertThat(received.stream().filter(n -> id.equals(n.at("/mailgate/intent_id").asText())))
        .hasSize(2);
    assertThat(given().port(Management.TEST_PORT).get("/q/metrics").then().extract().asString())
        .contains("mailgate_approval_notifications_total{result=\"retried\"}")
        .contains("mailgate_approval_notifications_total{result=\"sent\"}");
  }

  @Test
  void aWebhookMustBeAnHttpUrl() {
    for (String bad :
        List.of("ftp://files.example.org/x", "not a url", "http://u:p@example.org/h")) {
      admin(Map.of("notify_webhook_url", bad))
          .then()
          .statusCode(400)
          .body(containsString("notify_webhook_url"));
    }
  }

  private static io.restassured.response.Response admin(Map<String, Object> settings) {
    return given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(settings)
        .put("/api/mailboxes/" + MAILBOX);
  }

  private static JsonNode awaitNotification(String intentId, String event) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                received.stream()
                    .filter(n -> intentId.equals(n.at("/mailgate/intent_id").asText()))
                    .filter(n -> event.equals(n.at("/mailgate/event").asText()))
                    .findFirst()
                    .orElse(null),
            n -> n != null);
  }
}
