package dev.mailgate.outbound.service;

import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.outbox.consumer.RecordRef;
import java.time.Instant;

/**
 * One delivery to try: the approved email, the record it came from and its bytes (for the
 * dead-letter topic), how often it was tried, and since when a try may have reached MultiMail.
 * {@code parked} when it comes from the {@code delivery} table.
 */
public record Work(
    ApprovedEmail email,
    RecordRef source,
    byte[] payload,
    int attempts,
    int failures,
    Instant uncertainSince,
    boolean parked) {

  /** A delivery straight from {@code mail.approved}, never tried. */
  public static Work fresh(ApprovedEmail email, RecordRef source, byte[] payload) {
    return new Work(email, source, payload, 0, 0, null, false);
  }

  public String intentId() {
    return email.intentId();
  }

  public String mailboxId() {
    return email.mailboxId();
  }
}
