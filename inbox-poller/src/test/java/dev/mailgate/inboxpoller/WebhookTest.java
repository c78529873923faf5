package dev.mailgate.inboxpoller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.inboxpoller.config.PollerConfig;
import dev.mailgate.inboxpoller.domain.WebhookSignature;
import dev.mailgate.inboxpoller.service.InboundRecorder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Signed webhooks wake a mailbox whose timer polls only hourly; anything unsigned, mis-signed,
 * altered, stale or replayed gets 401 and has no effect.
 */
@QuarkusTest
@PollerTestResources
class WebhookTest {

  private static final String PATH = "/webhooks/multimail";

  @Inject PollerConfig config;
  @Inject InboundRecorder recorder;

  @Test
  void theSandboxsSignedNotificationBringsTheEmailPromptly() {
    Inbox.Injected email = Inbox.receive(Mailboxes.HOOK, "Urgent: outage");

    List<String> published = Bus.awaitEmailIds(Mailboxes.HOOK, List.of(email.id()));

    assertThat(published).containsOnlyOnce(email.id());
  }

  @Test
  void forgedNotificationsAreRefusedWithoutEffect() {
    String cursor = recorder.current(Mailboxes.QUIET).cursor();
    Inbox.Injected email = Inbox.receive(Mailboxes.QUIET, "Quiet mail");
    byte[] body = notification(Mailboxes.QUIET, email.id(), Instant.now());
    byte[] other = notification(Mailboxes.QUIET, "01OTHER", Instant.now());
    byte[] stale = notification(Mailboxes.QUIET, email.id(), Instant.now().minusSeconds(3600));

    post(body, WebhookSignature.sign("whsec_not_ours", body)).then().statusCode(401);
    post(body, null).then().statusCode(401);
    post(other, sign(body)).then().statusCode(401);
    post(body, sign(body).replace("sha256=", "sha1=")).then().statusCode(401);
    post(body, "sha256=zz").then().statusCode(401);
    post(stale, sign(stale)).then().statusCode(401);

    Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> recorder.current(Mailboxes.QUIET).cursor().equals(cursor));
    post(body, sign(body)).then().statusCode(202).body("polling", hasItem(Mailboxes.QUIET));
    assertThat(Bus.awaitEmailIds(Mailboxes.QUIET, List.of(email.id())))
        .containsOnlyOnce(email.id());
  }

  @Test
  void aReplayedNotificationIsRefusedAndNothingIsPublishedTwice() {
    Inbox.Injected first = Inbox.receive(Mailboxes.QUIET, "First");
    byte[] body = notification(Mailboxes.QUIET, first.id(), Instant.now());
    post(body, sign(body)).then().statusCode(202);
    Bus.awaitEmailIds(Mailboxes.QUIET, List.of(first.id()));

    post(body, sign(body)).then().statusCode(401);

    Inbox.Injected second = Inbox.receive(Mailboxes.QUIET, "Second");
    byte[] next = notification(Mailboxes.QUIET, second.id(), Instant.now());
    post(next, sign(next)).then().statusCode(202);
    List<String> published = Bus.awaitEmailIds(Mailboxes.QUIET, List.of(second.id()));
    assertThat(published).containsOnlyOnce(first.id(), second.id()).doesNotHaveDuplicates();
  }

  @Test
  void hostileOrIrrelevantBodiesGetClearAnswers() {
    byte[] huge = new byte[70_000];
    post(huge, sign(huge)).then().statusCode(413);
    byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
    post(notJson, sign(notJson)).then().statusCode(400);
    byte[] elsewhere = notification("mbx_not_polled_here", "01X", Instant.now());
    post(elsewhere, sign(elsewhere))
        .then()
        .statusCode(202)
        .body("ignored", is("mailbox not polled here"));
  }

  private String sign(byte[] body) {
    return WebhookSignature.sign(config.webhook().signingSecret().orElseThrow(), body);
  }

  private static io.restassured.response.Response post(byte[] body, String signature) {
    RequestSpecification request = given().contentType("application/json").body(body);
    if (signature != null) {
      request = request.header("X-MultiMail-Signature", signature);
    }
    return request.when().post(PATH);
  }

  private static byte[] notification(String mailbox, String emailId, Instant at) {
    ObjectNode body = EventJson.mapper().createObjectNode();
    body.put("event", "email.received");
    body.put("timestamp", at.toString());
    ObjectNode data = body.putObject("data");
    data.put("email_id", emailId);
    data.put("mailbox_id", mailbox);
    data.put("direction", "inbound");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }
}
