package dev.mailgate.multimail.sandbox.domain;

import java.time.Instant;
import java.util.List;

/** A webhook subscription; {@code mailboxId} null means account-wide. */
public record WebhookSubscription(
    String id,
    String url,
    List<String> events,
    String mailboxId,
    String signingSecret,
    Instant createdAt) {

  public boolean wants(String event, String emailMailboxId) {
    return (events.isEmpty() || events.contains(event))
        && (mailboxId == null || mailboxId.equals(emailMailboxId));
  }
}
