package dev.mailgate.outbound.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.events.OutcomeStatus;
import dev.mailgate.multimail.client.model.Email;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SentStatusTest {

  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void deliveredAtMeansDelivered() {
    SentStatus status = SentStatus.of(email("sent", AT, null, null));
    assertThat(status.outcome()).contains(OutcomeStatus.DELIVERED);
    assertThat(status.isFinal()).isTrue();
  }

  @Test
  void aBounceWinsOverEverythingAndSaysItsType() {
    SentStatus status = SentStatus.of(email("sent", AT, AT.plusSeconds(5), "soft"));
    assertThat(status.outcome()).contains(OutcomeStatus.BOUNCED);
    assertThat(status.detail()).isEqualTo("bounced (soft) at 2026-12-01T10:00:05Z");
    assertThat(status.isFinal()).isTrue();
  }

  @Test
  void multiMailsReviewerHoldingItIsAnnouncedButNotFinal() {
    SentStatus status = SentStatus.of(email("pending_send_approval", null, null, null));
    assertThat(status.outcome()).contains(OutcomeStatus.HELD_BY_PROVIDER);
    assertThat(status.isFinal()).isFalse();
  }

  @Test
  void rejectedFailedAndCancelledAreNotSent() {
    for (String raw : List.of("rejected", "send_failed", "cancelled")) {
      SentStatus status = SentStatus.of(email(raw, null, null, null));
      assertThat(status.outcome()).as(raw).contains(OutcomeStatus.REJECTED_BY_PROVIDER);
      assertThat(status.providerStatus()).isEqualTo(raw);
      assertThat(status.detail()).isNotBlank();
      assertThat(status.isFinal()).isTrue();
    }
  }

  @Test
  void anythingElseIsStillOnItsWay() {
    for (String raw : new String[] {"pending_scan", "scheduled", null, "something_new"}) {
      SentStatus status = SentStatus.of(email(raw, null, null, null));
      assertThat(status.outcome()).as(String.valueOf(raw)).isEqualTo(Optional.empty());
      assertThat(status.isFinal()).isFalse();
    }
  }

  private static Email email(
      String status, Instant deliveredAt, Instant bouncedAt, String bounceType) {
    return new Email(
        "em_1",
        "agent@sandbox.local",
        List.of("customer@example.com"),
        List.of(),
        "Subject",
        AT,
        "th_1",
        "Body",
        status,
        "outbound",
        false,
        List.of(),
        deliveredAt,
        bouncedAt,
        bounceType,
        null,
        null,
        null,
        null,
        Map.of());
  }
}
