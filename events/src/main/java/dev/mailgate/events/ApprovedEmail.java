package dev.mailgate.events;

import java.time.Instant;
import java.util.List;

/**
 * The final content of an approved intent ({@code mail.approved}), after any reviewer edits; the
 * only input of outbound-service. {@code intent_id} becomes MultiMail's idempotency key.
 */
public record ApprovedEmail(
    String intentId,
    IntentKind kind,
    String mailboxId,
    String team,
    String role,
    String agent,
    String action,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String markdown,
    List<Attachment> attachments,
    String replyToEmailId,
    String threadId,
    Actor approvedBy,
    List<String> editedFields,
    Instant approvedAt) {

  public ApprovedEmail {
    to = Lists.orEmpty(to);
    cc = Lists.orEmpty(cc);
    bcc = Lists.orEmpty(bcc);
    attachments = Lists.orEmpty(attachments);
    editedFields = Lists.orEmpty(editedFields);
  }
}
