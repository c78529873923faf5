package dev.mailgate.multimail.sandbox;

import static dev.mailgate.multimail.sandbox.SandboxControls.deliveriesOfKey;
import static dev.mailgate.multimail.sandbox.SandboxControls.get;
import static dev.mailgate.multimail.sandbox.SandboxControls.inbound;
import static dev.mailgate.multimail.sandbox.SandboxControls.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Send and reply semantics: idempotency, duplicate replies, read_only, quota, rate limit, gates.
 */
@QuarkusTest
class OutboundSemanticsTest {

  @BeforeEach
  void reset() {
    SandboxControls.reset();
  }

  @Test
  void idempotentReplayReturnsTheSameIdAndIsDeliveredOnce() {
    Map<String, Object> body = send("hello", "intent-42");

    String id =
        post("/v1/mailboxes/mbx_auto/send", body)
            .statusCode(202)
            .body("status", equalTo("pending_scan"))
            .extract()
            .path("id");
    post("/v1/mailboxes/mbx_auto/send", body)
        .statusCode(200)
        .body("id", equalTo(id))
        .body("status", equalTo("already_sent"))
        .body("idempotent", equalTo(true));

    assertThat(deliveriesOfKey("intent-42")).isEqualTo(1);
  }

  @Test
  void concurrentSendsWithOneKeyCreateOneEmail() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<String>> sends =
          IntStream.range(0, 12)
              .<Callable<String>>mapToObj(
                  i ->
                      () ->
                          post("/v1/mailboxes/mbx_auto/send", send("race", "race-key"))
                              .extract()
                              .path("id"))
              .toList();
      List<String> ids = pool.invokeAll(sends).stream().map(OutboundSemanticsTest::join).toList();
      assertThat(ids).hasSize(12).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(deliveriesOfKey("race-key")).isEqualTo(1);
  }

  @Test
  void gatedSendIsDeliveredOnlyOnApprovalAndReplayDoesNotResend() {
    String id =
        post("/v1/mailboxes/mbx_gated/send", send("gated", "g-1"))
            .statusCode(202)
            .extract()
            .path("id");
    assertThat(deliveriesOfKey("g-1")).isZero();
    get("/v1/mailboxes/mbx_gated/emails/" + id).body("status", equalTo("pending_send_approval"));

    post("/v1/oversight/decide", Map.of("email_id", id, "action", "approve"))
        .statusCode(200)
        .body("status", equalTo("approved_and_sent"));
    post("/v1/mailboxes/mbx_gated/send", send("gated", "g-1"))
        .statusCode(200)
        .body("id", equalTo(id));

    assertThat(deliveriesOfKey("g-1")).isEqualTo(1);
    post("/v1/oversight/decide", Map.of("email_id", id, "action", "approve")).statusCode(404);
  }

  @Test
  void identicalReplyWithin60SecondsIs409ButAReplayOrNewContentIsNot() {
    String parent = inbound("mbx_auto", "alice@example.com", "Question", "When?");
    String path = "/v1/mailboxes/mbx_auto/reply/" + parent;

    String first =
        post(path, Map.of("markdown", "Tomorrow", "idempotency_key", "r-1"))
            .statusCode(202)
            .extract()
            .path("id");
    post(path, Map.of("markdown", "Tomorrow", "idempotency_key", "r-1"))
        .statusCode(200)
        .body("id", equalTo(first));
    post(path, Map.of("markdown", "Tomorrow"))
        .statusCode(409)
        .body("error", containsString("Duplicate"));
    post(path, Map.of("markdown", "Tomorrow, 10:00")).statusCode(202);

    assertThat(SandboxControls.totalDeliveries()).isEqualTo(2);
  }

  @Test
  void readOnlyMailboxAnswers403ToSendAndReply() {
    String parent = inbound("mbx_ro", "bob@example.com", "Hi", "Hello");

    post("/v1/mailboxes/mbx_ro/send", send("no", null))
        .statusCode(403)
        .body("error", containsString("read_only"));
    post("/v1/mailboxes/mbx_ro/reply/" + parent, Map.of("markdown", "no")).statusCode(403);

    assertThat(SandboxControls.totalDeliveries()).isZero();
  }

  @Test
  void exhaustedQuotaAnswers429WithRetryAfterAndQuotaInTheError() {
    SandboxControls.limits(Map.of("monthly_quota", 2));
    post("/v1/mailboxes/mbx_auto/send", send("1", "q-1")).statusCode(202);
    post("/v1/mailboxes/mbx_auto/send", send("2", "q-2")).statusCode(202);

    String retryAfter =
        post("/v1/mailboxes/mbx_auto/send", send("3", "q-3"))
            .statusCode(429)
            .body("error", containsString("quota"))
            .extract()
            .header("Retry-After");
    assertThat(Long.parseLong(retryAfter)).isPositive();
    post("/v1/mailboxes/mbx_auto/send", send("1", "q-1")).statusCode(200);
    get("/v1/account")
        .body("emails_sent_this_month", equalTo(2))
        .body("monthly_email_quota", equalTo(2));
  }

  @Test
  void rateLimitIsPerKeyAndItsErrorIsNotAQuotaError() {
    SandboxControls.limits(Map.of("rate_limit_requests", 2, "rate_limit_window_seconds", 60));
    // The limited key is one nothing else in the test JVM uses, so no earlier request counts.
    secondKey().statusCode(200);
    secondKey().statusCode(200);

    String retryAfter =
        secondKey()
            .statusCode(429)
            .body("error", not(containsString("quota")))
            .extract()
            .header("Retry-After");
    assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
    // The test key has made at most the one limits call since: still within its own limit.
    get("/v1/mailboxes").statusCode(200);
  }

  private static io.restassured.response.ValidatableResponse secondKey() {
    return given().header("X-API-Key", "mm_second_key").get("/v1/mailboxes").then();
  }

  @Test
  void gatedAllHoldsInboundUntilApproved() {
    String id = inbound("mbx_all", "eve@example.com", "Offer", "Buy now");
    get("/v1/oversight/pending")
        .body("emails.find { it.id == '" + id + "' }.status", equalTo("pending_inbound_approval"));

    post("/v1/oversight/decide", Map.of("email_id", id, "action", "approve", "reason", "fine"))
        .statusCode(200)
        .body("status", equalTo("approved"));
    get("/v1/mailboxes/mbx_all/emails?status=unread").body("emails.id", equalTo(List.of(id)));
  }

  @Test
  void monitoredDeliversAtOnceAndReplyToOutboundGoesToTheSameRecipients() {
    String sent =
        post("/v1/mailboxes/mbx_mon/send", send("status", null))
            .statusCode(202)
            .extract()
            .path("id");
    String thread = get("/v1/mailboxes/mbx_mon/emails/" + sent).extract().path("thread_id");

    String reply =
        post("/v1/mailboxes/mbx_mon/reply/" + sent, Map.of("markdown", "follow-up"))
            .statusCode(202)
            .extract()
            .path("id");

    get("/v1/mailboxes/mbx_mon/emails/" + reply)
        .body("thread_id", equalTo(thread))
        .body("to", equalTo(List.of("customer@example.com")))
        .body("subject", equalTo("Re: Update"));
    get("/v1/mailboxes/mbx_mon/threads/" + thread).body("message_count", equalTo(2));
    assertThat(SandboxControls.totalDeliveries()).isEqualTo(2);
  }

  private static Map<String, Object> send(String markdown, String key) {
    return key == null
        ? Map.of("to", List.of("customer@example.com"), "subject", "Update", "markdown", markdown)
        : Map.of(
            "to",
            List.of("customer@example.com"),
            "subject",
            "Update",
            "markdown",
            markdown,
            "idempotency_key",
            key);
  }

  private static String join(Future<String> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
