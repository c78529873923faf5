package dev.mailgate.outbound.service;

import dev.mailgate.events.ApprovedEmail;

/**
 * One delivery to try: the approved email, the original record bytes (for the dead-letter topic),
 * and how often it was tried before. {@code parked} when it comes from the {@code delivery} table.
 */
public record Work(
    ApprovedEmail email,
    String eventId,
    byte[] payload,
    int attempts,
    int failures,
    boolean parked) {

  public String intentId() {
    return email.intentId();
  }

  public String mailboxId() {
    return email.mailboxId();
  }
}
