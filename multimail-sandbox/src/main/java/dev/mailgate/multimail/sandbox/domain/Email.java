package dev.mailgate.multimail.sandbox.domain;

import java.time.Instant;
import java.util.List;

/** One email, inbound or outbound. Immutable: state changes replace it in the store. */
public record Email(
    String id,
    String mailboxId,
    Direction direction,
    String from,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String markdown,
    List<StoredAttachment> attachments,
    EmailStatus status,
    Instant receivedAt,
    String threadId,
    String inReplyTo,
    Instant deliveredAt,
    Instant approvedAt,
    String idempotencyKey,
    Instant bouncedAt,
    String bounceType) {

  public Email {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
    attachments = List.copyOf(attachments);
  }

  public Email withStatus(EmailStatus newStatus) {
    return new Email(
        id,
        mailboxId,
        direction,
        from,
        to,
        cc,
        bcc,
        subject,
        markdown,
        attachments,
        newStatus,
        receivedAt,
        threadId,
        inReplyTo,
        deliveredAt,
        approvedAt,
        idempotencyKey,
        bouncedAt,
        bounceType);
  }

  public Email delivered(Instant at) {
    return sent(at, null, null);
  }

  public Email approved(Instant at, EmailStatus newStatus) {
    return new Email(
        id,
        mailboxId,
        direction,
        from,
        to,
        cc,
        bcc,
        subject,
        markdown,
        attachments,
        newStatus,
        receivedAt,
        threadId,
        inReplyTo,
        deliveredAt,
        at,
        idempotencyKey,
        bouncedAt,
        bounceType);
  }

  /** Sent, and refused by the recipient's server ({@code type}: hard or soft). */
  public Email bounced(Instant at, String type) {
    return sent(null, at, type);
  }

  private Email sent(Instant delivered, Instant bounced, String type) {
    return new Email(
        id,
        mailboxId,
        direction,
        from,
        to,
        cc,
        bcc,
        subject,
        markdown,
        attachments,
        EmailStatus.SENT,
        receivedAt,
        threadId,
        inReplyTo,
        delivered,
        approvedAt,
        idempotencyKey,
        bounced,
        type);
  }

  public boolean hasAttachments() {
    return !attachments.isEmpty();
  }
}
