package dev.mailgate.multimail.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailgate.multimail.client.EmailQuery;
import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.MultiMailConfig;
import dev.mailgate.multimail.client.error.MultiMailBadRequestException;
import dev.mailgate.multimail.client.error.MultiMailForbiddenException;
import dev.mailgate.multimail.client.error.MultiMailNotFoundException;
import dev.mailgate.multimail.client.model.Attachment;
import dev.mailgate.multimail.client.model.Decision;
import dev.mailgate.multimail.client.model.EmailSummary;
import dev.mailgate.multimail.client.model.OversightMode;
import dev.mailgate.multimail.client.model.PendingEmail;
import dev.mailgate.multimail.client.model.ReplyRequest;
import dev.mailgate.multimail.client.model.SendRequest;
import dev.mailgate.multimail.client.model.SendResult;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's every operation against the sandbox over real HTTP. */
@QuarkusTest
class MultiMailClientContractTest {

  @TestHTTPResource("/")
  URL sandbox;

  private MultiMailClient client;

  @BeforeEach
  void setUp() {
    SandboxControls.reset();
    client =
        new MultiMailClient(
            MultiMailConfig.builder()
                .baseUrl(sandbox.toString())
                .apiKey(SandboxControls.KEY)
                .requestTimeout(Duration.ofSeconds(5))
                .build());
  }

  @Test
  void aModeIsLoweredAtOnceAndRaisedOnlyWithTheOperatorsCode() {
    client.lowerMode("mbx_auto", OversightMode.MONITORED);
    assertThat(client.getMailbox("mbx_auto").oversightMode()).isEqualTo(OversightMode.MONITORED);
    assertThatThrownBy(() -> client.lowerMode("mbx_auto", OversightMode.AUTONOMOUS))
        .isInstanceOf(MultiMailBadRequestException.class)
        .hasMessageContaining("request-upgrade");

    client.requestUpgrade("mbx_gated", OversightMode.AUTONOMOUS);
    assertThat(client.getMailbox("mbx_gated").oversightMode()).isEqualTo(OversightMode.GATED_SEND);
    assertThatThrownBy(() -> client.upgrade("mbx_gated", "AAA-000"))
        .isInstanceOf(MultiMailForbiddenException.class);
    String code =
        io.restassured.RestAssured.given()
            .get("/sandbox/mailboxes/mbx_gated/upgrade-code")
            .then()
            .statusCode(200)
            .extract()
            .path("code");
    client.upgrade("mbx_gated", code.toLowerCase(java.util.Locale.ROOT));
    assertThat(client.getMailbox("mbx_gated").oversightMode()).isEqualTo(OversightMode.AUTONOMOUS);
    assertThatThrownBy(() -> client.upgrade("mbx_gated", code))
        .as("a code is used once")
        .isInstanceOf(MultiMailNotFoundException.class);
    assertThatThrownBy(() -> client.requestUpgrade("mbx_gated", OversightMode.GATED_ALL))
        .isInstanceOf(MultiMailBadRequestException.class);
  }

  @Test
  void listsAndGetsMailboxes() {
    assertThat(client.listMailboxes())
        .extracting(m -> m.id())
        .contains("mbx_auto", "mbx_gated", "mbx_ro");
    var mailbox = client.getMailbox("mbx_gated");
    assertThat(mailbox.address()).isEqualTo("gated@sandbox.test");
    assertThat(mailbox.oversightMode()).isEqualTo(OversightMode.GATED_SEND);
    assertThat(mailbox.createdAt()).isBefore(Instant.now().plusSeconds(1));
    assertThat(mailbox.isActive()).isTrue();
  }

  @Test
  void sendWithCcBccAttachmentsIsAcceptedAndReadable() {
    SendResult sent =
        client.send(
            "mbx_auto",
            SendRequest.builder()
                .to("customer@example.com")
                .cc("boss@example.com")
                .bcc("audit@example.com")
                .subject("Project update")
                .markdown("**On track**")
                .attachment(
                    Attachment.of("plan.txt", "text/plain", "v1".getBytes(StandardCharsets.UTF_8)))
                .idempotencyKey("contract-send-1")
                .build());

    assertThat(sent.status()).isEqualTo("pending_scan");
    assertThat(sent.isReplay()).isFalse();
    assertThat(sent.threadId()).isNotBlank();
    var email = client.getEmail("mbx_auto", sent.id());
    assertThat(email.to()).containsExactly("customer@example.com");
    assertThat(email.cc()).containsExactly("boss@example.com");
    assertThat(email.markdown()).isEqualTo("**On track**");
    assertThat(email.attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.size()).isEqualTo(2));
    assertThat(email.deliveredAt()).isNotNull();
    assertThat(email.direction()).isEqualTo("outbound");
  }

  @Test
  void idempotentResendReturnsTheSameIdAsAReplay() {
    SendRequest request =
        SendRequest.builder()
            .to("a@example.com")
            .subject("s")
            .markdown("m")
            .idempotencyKey("k-1")
            .build();
    SendResult first = client.send("mbx_auto", request);
    SendResult second = client.send("mbx_auto", request);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.isReplay()).isTrue();
    assertThat(second.status()).isEqualTo("already_sent");
  }

  @Test
  void replyInheritsTheThreadAndListAndThreadShowBoth() {
    String inbound =
        SandboxControls.inbound("mbx_auto", "alice@example.com", "Re: Question", "Hi?");
    SendResult reply = client.reply("mbx_auto", inbound, ReplyRequest.of("Hello Alice", "r-1"));

    var original = client.getEmail("mbx_auto", inbound);
    assertThat(original.subject()).isEqualTo("Question");
    assertThat(original.status()).isEqualTo("read");
    assertThat(reply.threadId()).isEqualTo(original.threadId());
    var thread = client.getThread("mbx_auto", reply.threadId());
    assertThat(thread.messageCount()).isEqualTo(2);
    assertThat(thread.emails()).extracting(EmailSummary::id).containsExactly(inbound, reply.id());
    assertThat(thread.participants()).contains("alice@example.com", "auto@sandbox.test");

    var outbound = client.listEmails("mbx_auto", EmailQuery.ALL.withDirection("outbound"));
    assertThat(outbound.emails())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(reply.id());
              assertThat(e.to()).containsExactly("alice@example.com");
              assertThat(e.subject()).isEqualTo("Re: Question");
            });
  }

  @Test
  void listEmailsPagesWithSinceIdLimitAndCursor() {
    String first = SandboxControls.inbound("mbx_auto", "a@example.com", "1", "one");
    String second = SandboxControls.inbound("mbx_auto", "a@example.com", "2", "two");
    String third = SandboxControls.inbound("mbx_auto", "a@example.com", "3", "three");

    var page = client.listEmails("mbx_auto", EmailQuery.since(first).withLimit(1));
    assertThat(page.emails()).extracting(EmailSummary::id).containsExactly(second);
    var next = client.listEmails("mbx_auto", EmailQuery.ALL.withLimit(1).withCursor(page.cursor()));
    assertThat(next.emails()).extracting(EmailSummary::id).containsExactly(third);
    assertThat(next.nextCursor()).isEmpty();

    var unread = client.listEmails("mbx_auto", EmailQuery.ALL.withStatus("unread"));
    assertThat(unread.emails()).extracting(EmailSummary::id).containsExactly(third, second, first);
  }

  @Test
  void gatedSendWaitsForApprovalAndRejectionSendsNothing() {
    SendResult held =
        client.send(
            "mbx_gated",
            SendRequest.builder().to("x@example.com").subject("a").markdown("held").build());
    SendResult other =
        client.send(
            "mbx_gated",
            SendRequest.builder().to("y@example.com").subject("b").markdown("other").build());

    assertThat(client.listPending())
        .extracting(PendingEmail::id, PendingEmail::status, PendingEmail::bodyMarkdown)
        .contains(org.assertj.core.groups.Tuple.tuple(held.id(), "pending_send_approval", "held"));
    assertThat(client.decide(held.id(), Decision.APPROVE, "looks fine").status())
        .isEqualTo("approved_and_sent");
    assertThat(client.decide(other.id(), Decision.REJECT, "off topic").status())
        .isEqualTo("rejected");

    assertThat(client.listPending()).isEmpty();
    assertThat(client.getEmail("mbx_gated", held.id()).deliveredAt()).isNotNull();
    assertThat(client.getEmail("mbx_gated", other.id()).status()).isEqualTo("rejected");
    assertThat(SandboxControls.totalDeliveries()).isEqualTo(1);
  }

  @Test
  void accountAndUsageReflectTraffic() {
    client.send(
        "mbx_auto", SendRequest.builder().to("a@example.com").subject("s").markdown("m").build());
    SandboxControls.inbound("mbx_auto", "b@example.com", "in", "body");

    var account = client.getAccount();
    assertThat(account.emailsSentThisMonth()).isEqualTo(1);
    assertThat(account.monthlyEmailQuota()).isEqualTo(5000);
    assertThat(account.plan()).isEqualTo("builder");
    var usage = client.getUsage();
    assertThat(usage.emailsSent()).isEqualTo(1);
    assertThat(usage.emailsReceived()).isEqualTo(1);
    assertThat(usage.apiCalls()).isGreaterThanOrEqualTo(3);
    assertThat(usage.from()).isBefore(usage.to());
  }
}
