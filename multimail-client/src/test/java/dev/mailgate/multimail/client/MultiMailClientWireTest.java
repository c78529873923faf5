package dev.mailgate.multimail.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.multimail.client.error.MultiMailConnectionException;
import dev.mailgate.multimail.client.model.Attachment;
import dev.mailgate.multimail.client.model.Mailbox;
import dev.mailgate.multimail.client.model.OversightMode;
import dev.mailgate.multimail.client.model.SendRequest;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MultiMailClientWireTest {

  private static final String KEY = "mm_live_wiretest_secret";

  private CannedServer server;
  private MultiMailClient client;

  @BeforeEach
  void start() throws Exception {
    server = new CannedServer();
    client =
        new MultiMailClient(
            MultiMailConfig.builder().baseUrl(server.baseUrl()).apiKey(KEY).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sendsBearerKeyAndSnakeCaseBodyWithoutEmptyFields() throws Exception {
    server.answer(202, "{\"id\":\"e1\",\"status\":\"pending_scan\",\"thread_id\":\"t1\"}");

    var result =
        client.send(
            "mbx/1",
            SendRequest.builder()
                .to("a@example.com")
                .subject("Hi")
                .markdown("**hello**")
                .idempotencyKey("intent-1")
                .attachment(
                    Attachment.of("a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)))
                .build());

    assertThat(result.id()).isEqualTo("e1");
    assertThat(result.threadId()).isEqualTo("t1");
    assertThat(result.isReplay()).isFalse();
    CannedServer.Received request = server.received().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).isEqualTo("/v1/mailboxes/mbx%2F1/send");
    assertThat(request.headers().get("Authorization")).containsExactly("Bearer " + KEY);
    JsonNode body = new ObjectMapper().readTree(request.body());
    assertThat(body.get("idempotency_key").asText()).isEqualTo("intent-1");
    assertThat(body.get("attachments").get(0).get("content_base64").asText()).isEqualTo("eA==");
    assertThat(body.has("cc")).isFalse();
    assertThat(body.has("send_at")).isFalse();
  }

  @Test
  void readsMailboxWithEpochMillisIntBooleansAndUnknownFields() {
    server.answer(
        200,
        "{\"id\":\"01KJ\",\"address\":\"a@x.dev\",\"oversight_mode\":\"gated_send\","
            + "\"created_at\":1767225600000,\"is_active\":1,\"forward_inbound\":0,"
            + "\"brand_new_field\":{\"x\":1}}");

    Mailbox mailbox = client.getMailbox("01KJ");

    assertThat(mailbox.createdAt()).isEqualTo(Instant.ofEpochMilli(1767225600000L));
    assertThat(mailbox.isActive()).isTrue();
    assertThat(mailbox.forwardInbound()).isFalse();
    assertThat(mailbox.oversightMode()).isEqualTo(OversightMode.GATED_SEND);
  }

  @Test
  void unknownOversightModeDoesNotBreakReading() {
    server.answer(200, "{\"mailboxes\":[{\"id\":\"m\",\"oversight_mode\":\"supervised\"}]}");
    assertThat(client.listMailboxes())
        .singleElement()
        .extracting(Mailbox::oversightMode)
        .isEqualTo(OversightMode.UNKNOWN);
  }

  @Test
  void pendingListIsReadUnderEitherKey() {
    server.answer(200, "{\"pending\":[{\"id\":\"p1\",\"mailbox_id\":\"m\",\"to\":[\"a@x\"]}]}");
    assertThat(client.listPending())
        .singleElement()
        .satisfies(p -> assertThat(p.id()).isEqualTo("p1"));
    server.answer(200, "{\"emails\":[{\"id\":\"p2\",\"received_at\":\"2026-01-01T10:00:00Z\"}]}");
    assertThat(client.listPending())
        .singleElement()
        .satisfies(
            p -> assertThat(p.receivedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z")));
  }

  @Test
  void listEmailsEncodesFilters() {
    server.answer(200, "{\"emails\":[],\"cursor\":null}");

    var page =
        client.listEmails(
            "m", EmailQuery.since("01J").withDirection("inbound").withLimit(5).withCursor("a b"));

    assertThat(page.emails()).isEmpty();
    assertThat(page.nextCursor()).isEmpty();
    assertThat(server.received().get(0).uri())
        .isEqualTo("/v1/mailboxes/m/emails?direction=inbound&since_id=01J&limit=5&cursor=a%20b");
  }

  @Test
  void apiKeyNeverShowsInToString() {
    MultiMailConfig config = MultiMailConfig.builder().apiKey(KEY).build();
    assertThat(config.toString()).doesNotContain(KEY).contains("****");
    assertThat(MultiMailConfig.builder().apiKey(KEY).toString()).doesNotContain(KEY);
    assertThat(config.baseUrl()).isEqualTo(MultiMailConfig.DEFAULT_BASE_URL);
  }

  @Test
  void configRejectsMissingKeyAndBadLimits() {
    assertThatThrownBy(() -> MultiMailConfig.builder().build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EmailQuery.ALL.withLimit(101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closedPortIsARetriableConnectionFailure() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    MultiMailClient closed =
        new MultiMailClient(
            MultiMailConfig.builder().baseUrl("http://127.0.0.1:" + port).apiKey(KEY).build());

    MultiMailConnectionException e =
        catchThrowableOfType(MultiMailConnectionException.class, closed::getAccount);

    assertThat(e.isRetriable()).isTrue();
    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).doesNotContain(KEY);
  }
}
