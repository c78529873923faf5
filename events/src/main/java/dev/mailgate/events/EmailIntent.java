package dev.mailgate.events;

import java.time.Instant;
import java.util.List;

/**
 * An agent role's wish to send or reply ({@code mail.intents}). {@code intent_id} is minted once
 * per logical email by the client and is the idempotency key end to end.
 */
public record EmailIntent(
    String intentId,
    IntentKind kind,
    String mailboxId,
    String team,
    String role,
    String agent,
    String action,
    String triggerMessageId,
    String reasoning,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String markdown,
    List<Attachment> attachments,
    String replyToEmailId,
    String threadId,
    Instant createdAt) {

  public EmailIntent {
    to = Lists.orEmpty(to);
    cc = Lists.orEmpty(cc);
    bcc = Lists.orEmpty(bcc);
    attachments = Lists.orEmpty(attachments);
  }

  /** Every recipient: to, then cc, then bcc. */
  public List<String> recipients() {
    return Lists.concat(to, cc, bcc);
  }
}
