package dev.mailgate.outbound.service;

import dev.mailgate.events.OutcomeStatus;
import dev.mailgate.multimail.client.model.Email;
import java.util.Optional;

/**
 * What MultiMail's view of a sent email ({@code GET /v1/mailboxes/{id}/emails/{email_id}}) tells
 * the agent. MultiMail documents no stored status for a delivered email; {@code delivered_at} and
 * {@code bounced_at} say it, and the statuses {@code pending_send_approval}, {@code rejected},
 * {@code send_failed} and {@code cancelled} say the rest.
 *
 * @param outcome the outcome to announce, empty while nothing new is known
 * @param providerStatus MultiMail's status string
 * @param detail what the agent reads in the outcome's {@code error}, or null
 */
public record SentStatus(Optional<OutcomeStatus> outcome, String providerStatus, String detail) {

  /** Reads one answer of MultiMail. */
  public static SentStatus of(Email email) {
    String status = email.status();
    if (email.bouncedAt() != null) {
      String type = email.bounceType() == null ? "" : " (" + email.bounceType() + ")";
      return new SentStatus(
          Optional.of(OutcomeStatus.BOUNCED),
          status,
          "bounced" + type + " at " + email.bouncedAt());
    }
    if (status != null) {
      switch (status) {
        case "rejected" -> {
          return rejected(status, "MultiMail's reviewer rejected it");
        }
        case "send_failed" -> {
          return rejected(status, "MultiMail could not send it");
        }
        case "cancelled" -> {
          return rejected(status, "it was cancelled at MultiMail");
        }
        default -> {
          // handled below
        }
      }
    }
    if (email.deliveredAt() != null) {
      return new SentStatus(Optional.of(OutcomeStatus.DELIVERED), status, null);
    }
    if ("pending_send_approval".equals(status)) {
      return new SentStatus(
          Optional.of(OutcomeStatus.HELD_BY_PROVIDER),
          status,
          "MultiMail holds it for its own reviewer: the mailbox is gated at MultiMail");
    }
    return new SentStatus(Optional.empty(), status, null);
  }

  /** Whether nothing follows this status. */
  public boolean isFinal() {
    return outcome.filter(o -> o != OutcomeStatus.HELD_BY_PROVIDER).isPresent();
  }

  private static SentStatus rejected(String status, String detail) {
    return new SentStatus(Optional.of(OutcomeStatus.REJECTED_BY_PROVIDER), status, detail);
  }
}
