package dev.mailgate.multimail.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.MultiMailConfig;
import dev.mailgate.multimail.client.error.MailboxReadOnlyException;
import dev.mailgate.multimail.client.error.MultiMailBadRequestException;
import dev.mailgate.multimail.client.error.MultiMailConflictException;
import dev.mailgate.multimail.client.error.MultiMailConnectionException;
import dev.mailgate.multimail.client.error.MultiMailException;
import dev.mailgate.multimail.client.error.MultiMailNotFoundException;
import dev.mailgate.multimail.client.error.MultiMailQuotaExceededException;
import dev.mailgate.multimail.client.error.MultiMailRateLimitException;
import dev.mailgate.multimail.client.error.MultiMailServerException;
import dev.mailgate.multimail.client.error.MultiMailTimeoutException;
import dev.mailgate.multimail.client.error.MultiMailUnauthorizedException;
import dev.mailgate.multimail.client.model.ReplyRequest;
import dev.mailgate.multimail.client.model.SendRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error class of the client, provoked on the sandbox over real HTTP. */
@QuarkusTest
class MultiMailClientErrorContractTest {

  @TestHTTPResource("/")
  URL sandbox;

  private MultiMailClient client;

  @BeforeEach
  void setUp() {
    SandboxControls.reset();
    client = client(SandboxControls.KEY, Duration.ofSeconds(5));
  }

  @Test
  void badRequestKeepsMultiMailsErrorText() {
    var e =
        catchThrowableOfType(
            MultiMailBadRequestException.class,
            () ->
                client.send("mbx_auto", SendRequest.builder().subject("s").markdown("m").build()));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.error()).hasValueSatisfying(text -> assertThat(text).contains("to"));
    assertThat(e.isRetriable()).isFalse();
  }

  @Test
  void wrongKeyIsUnauthorizedAndTheKeyIsNotInTheMessage() {
    var e =
        catchThrowableOfType(
            MultiMailUnauthorizedException.class,
            () -> client("mm_wrong_secret_key", Duration.ofSeconds(5)).listMailboxes());
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).doesNotContain("mm_wrong_secret_key");
  }

  @Test
  void readOnlyMailboxRefusesToSend() {
    var e =
        catchThrowableOfType(
            MailboxReadOnlyException.class, () -> client.send("mbx_ro", send("x")));
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.error()).hasValueSatisfying(text -> assertThat(text).contains("read_only"));
  }

  @Test
  void unknownMailboxEmailAndThreadAreNotFound() {
    assertThat(
            catchThrowableOfType(MultiMailNotFoundException.class, () -> client.getMailbox("nope"))
                .status())
        .isEqualTo(404);
    assertThat(
            catchThrowableOfType(
                MultiMailNotFoundException.class, () -> client.getEmail("mbx_auto", "01NOPE")))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                MultiMailNotFoundException.class, () -> client.getThread("mbx_auto", "t")))
        .isNotNull();
  }

  @Test
  void identicalReplyWithinTheWindowIsAConflict() {
    String inbound = SandboxControls.inbound("mbx_auto", "a@example.com", "Q", "?");
    client.reply("mbx_auto", inbound, ReplyRequest.of("Same answer", null));

    var e =
        catchThrowableOfType(
            MultiMailConflictException.class,
            () -> client.reply("mbx_auto", inbound, ReplyRequest.of("Same answer", null)));
    assertThat(e.status()).isEqualTo(409);
  }

  @Test
  void quotaExhaustionIsDistinguishedFromTheRateLimit() {
    SandboxControls.limits(Map.of("monthly_quota", 1));
    client.send("mbx_auto", send("first"));

    var quota =
        catchThrowableOfType(
            MultiMailQuotaExceededException.class, () -> client.send("mbx_auto", send("second")));
    assertThat(quota.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive());
    assertThat(quota.isRetriable()).isFalse();

    SandboxControls.limits(Map.of("rate_limit_requests", 1, "rate_limit_window_seconds", 30));
    client.getAccount();
    var rate = catchThrowableOfType(MultiMailRateLimitException.class, client::getAccount);
    assertThat(rate.retryAfter())
        .hasValueSatisfying(d -> assertThat(d.toSeconds()).isBetween(1L, 30L));
    assertThat(rate.isRetriable()).isTrue();
  }

  @Test
  void injected429BurstCarriesRetryAfter() {
    SandboxControls.faults(Map.of("throttle_next", 1, "retry_after_seconds", 7));

    var e = catchThrowableOfType(MultiMailRateLimitException.class, client::listMailboxes);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(client.listMailboxes()).isNotEmpty();
  }

  @Test
  void serverErrorsAreRetriable() {
    SandboxControls.faults(Map.of("error_rate", 1.0, "error_status", 502));

    var e = catchThrowableOfType(MultiMailServerException.class, client::getAccount);
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.isRetriable()).isTrue();
  }

  @Test
  void latencyBeyondTheRequestTimeoutIsATimeout() {
    SandboxControls.faults(Map.of("latency_ms", 1500));
    MultiMailClient impatient = client(SandboxControls.KEY, Duration.ofMillis(300));

    var e = catchThrowableOfType(MultiMailTimeoutException.class, impatient::getAccount);
    assertThat(e.status()).isZero();
    assertThat(e.isRetriable()).isTrue();
  }

  @Test
  void latencyWithinTheTimeoutStillDeliversTheBody() {
    SandboxControls.faults(Map.of("latency_ms", 200));
    assertThat(client.send("mbx_auto", send("slow but fine")).id()).isNotBlank();
  }

  @Test
  void resetConnectionIsAConnectionFailure() {
    SandboxControls.faults(Map.of("reset_next", 1));

    MultiMailException e =
        catchThrowableOfType(
            MultiMailConnectionException.class, () -> client.send("mbx_auto", send("x")));
    assertThat(e.isRetriable()).isTrue();
    assertThat(SandboxControls.totalDeliveries()).isZero();
  }

  @Test
  void closedPortIsAConnectionFailure() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    MultiMailClient nowhere =
        new MultiMailClient(
            MultiMailConfig.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .apiKey(SandboxControls.KEY)
                .build());
    assertThat(
            catchThrowableOfType(MultiMailConnectionException.class, nowhere::getAccount).status())
        .isZero();
  }

  private MultiMailClient client(String key, Duration timeout) {
    return new MultiMailClient(
        MultiMailConfig.builder()
            .baseUrl(sandbox.toString())
            .apiKey(key)
            .requestTimeout(timeout)
            .build());
  }

  private static SendRequest send(String markdown) {
    return SendRequest.builder().to("a@example.com").subject("s").markdown(markdown).build();
  }
}
