package dev.mailgate.events.signing;

import dev.mailgate.events.Actor;
import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.Attachment;
import dev.mailgate.events.IntentKind;
import java.time.Instant;
import java.util.List;

/** Approved emails for the signing tests. */
final class Approvals {

  private Approvals() {}

  static ApprovedEmail email() {
    return new ApprovedEmail(
        "it-1",
        IntentKind.SEND,
        "mbx_support",
        "team-a",
        "ProductManager",
        "Alice",
        "SendEmail",
        List.of("customer@example.com"),
        List.of("cc@example.com"),
        List.of(),
        "Export ships Dec 10",
        "New date: **Dec 10**.",
        List.of(new Attachment("plan.txt", "text/plain", "aGVsbG8=")),
        null,
        "th-1",
        Actor.reviewer("rita"),
        List.of("subject"),
        Instant.parse("2026-12-01T10:00:00.123456Z"));
  }

  static ApprovedEmail withSubject(ApprovedEmail e, String subject) {
    return new ApprovedEmail(
        e.intentId(),
        e.kind(),
        e.mailboxId(),
        e.team(),
        e.role(),
        e.agent(),
        e.action(),
        e.to(),
        e.cc(),
        e.bcc(),
        subject,
        e.markdown(),
        e.attachments(),
        e.replyToEmailId(),
        e.threadId(),
        e.approvedBy(),
        e.editedFields(),
        e.approvedAt());
  }

  static ApprovedEmail withTeamAndRole(ApprovedEmail e, String team, String role) {
    return new ApprovedEmail(
        e.intentId(),
        e.kind(),
        e.mailboxId(),
        team,
        role,
        e.agent(),
        e.action(),
        e.to(),
        e.cc(),
        e.bcc(),
        e.subject(),
        e.markdown(),
        e.attachments(),
        e.replyToEmailId(),
        e.threadId(),
        e.approvedBy(),
        e.editedFields(),
        e.approvedAt());
  }

  static ApprovedEmail withRecipients(
      ApprovedEmail e, List<String> to, List<String> cc, List<String> bcc) {
    return new ApprovedEmail(
        e.intentId(),
        e.kind(),
        e.mailboxId(),
        e.team(),
        e.role(),
        e.agent(),
        e.action(),
        to,
        cc,
        bcc,
        e.subject(),
        e.markdown(),
        e.attachments(),
        e.replyToEmailId(),
        e.threadId(),
        e.approvedBy(),
        e.editedFields(),
        e.approvedAt());
  }

  static ApprovedEmail withThread(ApprovedEmail e, String replyTo, String thread) {
    return new ApprovedEmail(
        e.intentId(),
        e.kind(),
        e.mailboxId(),
        e.team(),
        e.role(),
        e.agent(),
        e.action(),
        e.to(),
        e.cc(),
        e.bcc(),
        e.subject(),
        e.markdown(),
        e.attachments(),
        replyTo,
        thread,
        e.approvedBy(),
        e.editedFields(),
        e.approvedAt());
  }

  static ApprovedEmail withAttachments(ApprovedEmail e, List<Attachment> attachments) {
    return new ApprovedEmail(
        e.intentId(),
        e.kind(),
        e.mailboxId(),
        e.team(),
        e.role(),
        e.agent(),
        e.action(),
        e.to(),
        e.cc(),
        e.bcc(),
        e.subject(),
        e.markdown(),
        attachments,
        e.replyToEmailId(),
        e.threadId(),
        e.approvedBy(),
        e.editedFields(),
        e.approvedAt());
  }

  static ApprovedEmail withApproval(ApprovedEmail e, Actor by, Instant at) {
    return new ApprovedEmail(
        e.intentId(),
        e.kind(),
        e.mailboxId(),
        e.team(),
        e.role(),
        e.agent(),
        e.action(),
        e.to(),
        e.cc(),
        e.bcc(),
        e.subject(),
        e.markdown(),
        e.attachments(),
        e.replyToEmailId(),
        e.threadId(),
        by,
        e.editedFields(),
        at);
  }
}
