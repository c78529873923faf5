package dev.mailgate.events;

import java.time.Instant;
import java.util.List;

/**
 * An email that arrived in a mailbox: as fetched ({@code mail.inbound-received}) and as released to
 * the agents ({@code mail.inbound}, then with {@code released_by}). The MultiMail email id is the
 * event's identity; consumers deduplicate on it. An email too large to carry whole is cut ({@link
 * InboundLimits}): then {@code truncated} is true and the original markdown's size and SHA-256 say
 * what was left out; MultiMail keeps the whole email.
 */
public record InboundEmail(
    String emailId,
    String mailboxId,
    String threadId,
    String from,
    List<String> to,
    List<String> cc,
    String subject,
    String markdown,
    List<AttachmentInfo> attachments,
    Instant receivedAt,
    Actor releasedBy,
    Boolean truncated,
    Long markdownBytes,
    String markdownSha256) {

  public InboundEmail {
    to = Lists.orEmpty(to);
    cc = Lists.orEmpty(cc);
    attachments = Lists.orEmpty(attachments);
  }

  /** An email as fetched, whole. */
  public InboundEmail(
      String emailId,
      String mailboxId,
      String threadId,
      String from,
      List<String> to,
      List<String> cc,
      String subject,
      String markdown,
      List<AttachmentInfo> attachments,
      Instant receivedAt,
      Actor releasedBy) {
    this(
        emailId,
        mailboxId,
        threadId,
        from,
        to,
        cc,
        subject,
        markdown,
        attachments,
        receivedAt,
        releasedBy,
        null,
        null,
        null);
  }

  /** The same email, released to the agents by {@code actor}. */
  public InboundEmail releasedBy(Actor actor) {
    return new InboundEmail(
        emailId,
        mailboxId,
        threadId,
        from,
        to,
        cc,
        subject,
        markdown,
        attachments,
        receivedAt,
        actor,
        truncated,
        markdownBytes,
        markdownSha256);
  }
}
