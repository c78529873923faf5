package dev.mailgate.multimail.sandbox;

import static dev.mailgate.multimail.sandbox.SandboxControls.get;
import static dev.mailgate.multimail.sandbox.SandboxControls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks: signed email.received POSTs to a real HTTP receiver, retried with backoff. */
@QuarkusTest
class WebhookTest {

  record Received(byte[] body, String signature, String event) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private HttpServer receiver;

  @BeforeEach
  void start() throws Exception {
    SandboxControls.reset();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestBody().readAllBytes(),
                  exchange.getRequestHeaders().getFirst("X-MultiMail-Signature"),
                  exchange.getRequestHeaders().getFirst("X-MultiMail-Event")));
          exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  @Test
  void inboundEmailIsPostedSignedWithTheSubscriptionSecret() throws Exception {
    String secret = subscribe("mbx_auto");
    String id = SandboxControls.inbound("mbx_auto", "carol@example.com", "Invoice", "Attached");

    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
    Received hook = received.get(0);

    assertThat(hook.signature()).isEqualTo("sha256=" + hmac(secret, hook.body()));
    assertThat(hook.signature()).isNotEqualTo("sha256=" + hmac(secret + "x", hook.body()));
    assertThat(hook.signature()).isNotEqualTo("sha256=" + hmac("whsec_wrong", hook.body()));
    JsonNode payload = new ObjectMapper().readTree(hook.body());
    assertThat(payload.get("event").asText()).isEqualTo("email.received");
    assertThat(hook.event()).isEqualTo("email.received");
    assertThat(payload.get("timestamp").asText()).isNotBlank();
    assertThat(payload.at("/data/email_id").asText()).isEqualTo(id);
    assertThat(payload.at("/data/from").asText()).isEqualTo("carol@example.com");
    assertThat(payload.at("/data/to/0").asText()).isEqualTo("auto@sandbox.test");
    assertThat(payload.at("/data/direction").asText()).isEqualTo("inbound");
    assertThat(payload.at("/data/has_attachments").asBoolean()).isFalse();
  }

  @Test
  void failedDeliveriesAreRetriedUntilTheReceiverAccepts() {
    failuresLeft.set(2);
    subscribe(null);
    SandboxControls.inbound("mbx_auto", "dave@example.com", "Retry me", "please");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                get("/v1/webhook-deliveries")
                    .body("deliveries[0].status", equalTo("delivered"))
                    .body("deliveries[0].attempts", equalTo(3))
                    .body("deliveries[0].response_status", equalTo(204)));
    assertThat(received).hasSize(3);
    assertThat(received).extracting(Received::signature).containsOnly(received.get(0).signature());
  }

  @Test
  void aReceiverThatKeepsFailingGetsFourAttemptsThenTheDeliveryFails() {
    failuresLeft.set(100);
    subscribe(null);
    SandboxControls.inbound("mbx_auto", "erin@example.com", "Never", "lands");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                get("/v1/webhook-deliveries")
                    .body("deliveries[0].status", equalTo("failed"))
                    .body("deliveries[0].attempts", equalTo(4)));
    assertThat(received).hasSize(4);
  }

  @Test
  void secretIsShownOnCreateAndGetButNotInTheList() {
    String secret = subscribe("mbx_auto");
    assertThat(secret).startsWith("whsec_");
    String id =
        get("/v1/webhooks")
            .statusCode(200)
            .body("subscriptions[0].signing_secret", nullValue())
            .extract()
            .path("subscriptions[0].id");
    get("/v1/webhooks/" + id).body("signing_secret", equalTo(secret));
    SandboxControls.get("/v1/webhooks/nope").statusCode(404);
  }

  private String subscribe(String mailboxId) {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    Map<String, Object> body =
        mailboxId == null
            ? Map.of("url", url, "events", List.of("email.received"))
            : Map.of("url", url, "events", List.of("email.received"), "mailbox_id", mailboxId);
    return post("/v1/webhooks", body).statusCode(201).extract().path("signing_secret");
  }

  private static String hmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
