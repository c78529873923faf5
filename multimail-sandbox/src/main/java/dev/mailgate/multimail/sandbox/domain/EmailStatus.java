package dev.mailgate.multimail.sandbox.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * MultiMail's twelve stored statuses plus {@code SENT}: the real API does not document the stored
 * status of a delivered outbound email, the sandbox calls it {@code sent} and sets delivered_at.
 */
public enum EmailStatus {
  UNREAD,
  READ,
  ARCHIVED,
  DELETED,
  PENDING_SEND_APPROVAL,
  PENDING_INBOUND_APPROVAL,
  REJECTED,
  CANCELLED,
  SEND_FAILED,
  SCHEDULED,
  SPAM_FLAGGED,
  SPAM_QUARANTINED,
  SENT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isPending() {
    return this == PENDING_SEND_APPROVAL || this == PENDING_INBOUND_APPROVAL;
  }

  public static Optional<EmailStatus> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
  }
}
