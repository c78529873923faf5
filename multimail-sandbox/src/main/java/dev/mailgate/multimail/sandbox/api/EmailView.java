package dev.mailgate.multimail.sandbox.api;

import static dev.mailgate.multimail.sandbox.api.EmailSummaryView.iso;

import dev.mailgate.multimail.sandbox.domain.Email;
import java.util.List;
import java.util.Map;

/** MultiMail's EmailResponse, plus {@code direction} (threads and lists carry it too). */
public record EmailView(
    String id,
    String from,
    List<String> to,
    List<String> cc,
    String subject,
    String receivedAt,
    String threadId,
    String markdown,
    String status,
    String direction,
    boolean hasAttachments,
    List<AttachmentView> attachments,
    String deliveredAt,
    String bouncedAt,
    String bounceType,
    String approvedAt,
    String approvedBy,
    Integer spamScore,
    String spamVerdict,
    Map<String, String> tags) {

  /** An attachment's metadata. */
  public record AttachmentView(String name, long size, String contentType) {}

  static EmailView of(Email e) {
    return new EmailView(
        e.id(),
        e.from(),
        e.to(),
        e.cc(),
        e.subject(),
        iso(e.receivedAt()),
        e.threadId(),
        e.markdown(),
        e.status().wire(),
        e.direction().wire(),
        e.hasAttachments(),
        e.attachments().stream()
            .map(a -> new AttachmentView(a.name(), a.size(), a.contentType()))
            .toList(),
        iso(e.deliveredAt()),
        iso(e.bouncedAt()),
        e.bounceType(),
        iso(e.approvedAt()),
        e.approvedAt() == null ? null : "sandbox-operator",
        0,
        "clean",
        Map.of());
  }
}
