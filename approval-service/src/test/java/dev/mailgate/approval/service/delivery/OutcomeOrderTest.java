package dev.mailgate.approval.service.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.events.OutcomeStatus;
import org.junit.jupiter.api.Test;

/** Which outcome may change an intent's recorded delivery status, given the status it has. */
class OutcomeOrderTest {

  @Test
  void beforeMultiMailAcceptedItEveryDeliveryOutcomeCountsButNoFollowUp() {
    for (String current :
        new String[] {null, "retrying", "failed", "waiting_for_quota", "unknown"}) {
      assertThat(OutcomeTracker.applies(current, OutcomeStatus.ACCEPTED)).as(current).isTrue();
      assertThat(OutcomeTracker.applies(current, OutcomeStatus.RETRYING)).as(current).isTrue();
      assertThat(OutcomeTracker.applies(current, OutcomeStatus.BOUNCED)).as(current).isFalse();
      assertThat(OutcomeTracker.applies(current, OutcomeStatus.DELIVERED)).as(current).isFalse();
    }
  }

  @Test
  void afterAcceptanceOnlyMultiMailsLaterVerdictCounts() {
    assertThat(OutcomeTracker.applies("delivered", OutcomeStatus.BOUNCED)).isTrue();
    assertThat(OutcomeTracker.applies("delivered", OutcomeStatus.HELD_BY_PROVIDER)).isTrue();
    assertThat(OutcomeTracker.applies("held_by_provider", OutcomeStatus.REJECTED_BY_PROVIDER))
        .isTrue();
    assertThat(OutcomeTracker.applies("held_by_provider", OutcomeStatus.DELIVERED)).isTrue();
    assertThat(OutcomeTracker.applies("delivered", OutcomeStatus.RETRYING)).isFalse();
    assertThat(OutcomeTracker.applies("delivered", OutcomeStatus.FAILED)).isFalse();
    assertThat(OutcomeTracker.applies("delivered", OutcomeStatus.ACCEPTED)).isFalse();
  }

  @Test
  void aBounceOrAProviderRejectionIsFinal() {
    for (OutcomeStatus next : OutcomeStatus.values()) {
      assertThat(OutcomeTracker.applies("bounced", next)).as(next.wire()).isFalse();
      assertThat(OutcomeTracker.applies("rejected_by_provider", next)).as(next.wire()).isFalse();
    }
  }
}
