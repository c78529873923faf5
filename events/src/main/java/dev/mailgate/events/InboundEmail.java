package dev.mailgate.events;

import java.time.Instant;
import java.util.List;

/**
 * An email that arrived in a mailbox: as fetched ({@code mail.inbound-received}) and as released to
 * the agents ({@code mail.inbound}, then with {@code released_by}). The MultiMail email id is the
 * event's identity; consumers deduplicate on it.
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
    Actor releasedBy) {

  public InboundEmail {
    to = Lists.orEmpty(to);
    cc = Lists.orEmpty(cc);
    attachments = Lists.orEmpty(attachments);
  }
}
