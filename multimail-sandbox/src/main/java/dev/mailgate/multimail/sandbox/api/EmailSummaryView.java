package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.Email;
import java.time.Instant;
import java.util.List;

/** MultiMail's EmailSummary (lists and threads): no body. */
public record EmailSummaryView(
    String id,
    String from,
    List<String> to,
    String subject,
    String direction,
    String status,
    Integer spamScore,
    String spamVerdict,
    String receivedAt,
    String threadId,
    boolean hasAttachments,
    String deliveredAt,
    String bouncedAt,
    String bounceType) {

  static EmailSummaryView of(Email e) {
    return new EmailSummaryView(
        e.id(),
        e.from(),
        e.to(),
        e.subject(),
        e.direction().wire(),
        e.status().wire(),
        0,
        "clean",
        iso(e.receivedAt()),
        e.threadId(),
        e.hasAttachments(),
        iso(e.deliveredAt()),
        iso(e.bouncedAt()),
        e.bounceType());
  }

  static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
