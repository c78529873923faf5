package dev.mailgate.multimail.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailgate.multimail.client.error.MailboxReadOnlyException;
import dev.mailgate.multimail.client.error.MultiMailApiException;
import dev.mailgate.multimail.client.error.MultiMailBadRequestException;
import dev.mailgate.multimail.client.error.MultiMailConflictException;
import dev.mailgate.multimail.client.error.MultiMailErrors;
import dev.mailgate.multimail.client.error.MultiMailException;
import dev.mailgate.multimail.client.error.MultiMailForbiddenException;
import dev.mailgate.multimail.client.error.MultiMailNotFoundException;
import dev.mailgate.multimail.client.error.MultiMailQuotaExceededException;
import dev.mailgate.multimail.client.error.MultiMailRateLimitException;
import dev.mailgate.multimail.client.error.MultiMailServerException;
import dev.mailgate.multimail.client.error.MultiMailUnauthorizedException;
import dev.mailgate.multimail.client.model.SendRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultiMailErrorMappingTest {

  private static final String KEY = "mm_live_supersecret_0123456789";

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

  @ParameterizedTest
  @CsvSource({
    "400, MultiMailBadRequestException, false",
    "401, MultiMailUnauthorizedException, false",
    "403, MultiMailForbiddenException, false",
    "404, MultiMailNotFoundException, false",
    "409, MultiMailConflictException, false",
    "429, MultiMailRateLimitException, true",
    "500, MultiMailServerException, true",
    "503, MultiMailServerException, true",
    "418, MultiMailApiException, false"
  })
  void eachStatusBecomesItsOwnException(int status, String type, boolean retriable) {
    server.answer(status, "{\"error\":\"boom " + status + "\"}");

    MultiMailException e = catchThrowableOfType(MultiMailException.class, client::getAccount);

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.error()).contains("boom " + status);
    assertThat(e.isRetriable()).isEqualTo(retriable);
    assertThat(e.getMessage()).contains("GET /v1/account").doesNotContain(KEY);
  }

  @Test
  void quotaAndRateLimitAreDistinguishedByTheErrorText() {
    server.answer(
        429, "{\"error\":\"Monthly email quota exceeded\"}", Map.of("Retry-After", "3600"));
    MultiMailQuotaExceededException quota =
        catchThrowableOfType(MultiMailQuotaExceededException.class, () -> client.send("m", send()));
    assertThat(quota.retryAfter()).contains(Duration.ofHours(1));
    assertThat(quota.isRetriable()).isFalse();

    server.answer(429, "{\"error\":\"Too many requests\"}", Map.of("Retry-After", "7"));
    MultiMailRateLimitException rate =
        catchThrowableOfType(MultiMailRateLimitException.class, () -> client.send("m", send()));
    assertThat(rate.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void readOnlyIsAForbiddenWithItsOwnType() {
    server.answer(403, "{\"error\":\"Mailbox is read_only. Request an upgrade.\"}");
    assertThat(
            catchThrowableOfType(MultiMailForbiddenException.class, () -> client.send("m", send())))
        .isInstanceOf(MailboxReadOnlyException.class);
  }

  @Test
  void nonJsonErrorBodyIsKeptAsText() {
    server.answer(502, "<html>Bad gateway</html>");
    MultiMailServerException e =
        catchThrowableOfType(MultiMailServerException.class, client::listMailboxes);
    assertThat(e.error()).contains("<html>Bad gateway</html>");
  }

  @Test
  void unreadableSuccessBodyIsAnApiException() {
    server.answer(200, "not json");
    assertThat(catchThrowableOfType(MultiMailApiException.class, client::getUsage).status())
        .isEqualTo(200);
  }

  @Test
  void retryAfterAcceptsHttpDatesAndIgnoresGarbage() {
    String inAMinute =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(61));
    assertThat(MultiMailErrors.parseRetryAfter(inAMinute).orElseThrow())
        .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
    assertThat(MultiMailErrors.parseRetryAfter("soon")).isEmpty();
    assertThat(MultiMailErrors.parseRetryAfter(null)).isEmpty();
  }

  @Test
  void otherErrorTypesCarryNoRetryAfterWhenNoneWasSent() {
    server.answer(404, "{\"error\":\"Mailbox not found\"}");
    assertThat(catchThrowableOfType(MultiMailNotFoundException.class, () -> client.getMailbox("x")))
        .satisfies(e -> assertThat(e.retryAfter()).isEmpty());
    server.answer(409, "{}");
    assertThat(catchThrowableOfType(MultiMailConflictException.class, client::getAccount).error())
        .contains("{}");
    server.answer(400, "");
    assertThat(catchThrowableOfType(MultiMailBadRequestException.class, client::getAccount).error())
        .isEmpty();
    server.answer(401, "{\"error\":\"Invalid API key\"}");
    assertThat(catchThrowableOfType(MultiMailUnauthorizedException.class, client::getAccount))
        .hasMessageNotContaining(KEY);
  }

  private static SendRequest send() {
    return SendRequest.builder().to("a@example.com").subject("s").markdown("m").build();
  }
}
