package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.domain.Email;
import java.util.List;

/** An entry of {@code GET /v1/oversight/pending}. */
public record PendingView(
    String id,
    String mailboxId,
    String direction,
    String from,
    List<String> to,
    String subject,
    String bodyMarkdown,
    String status,
    String receivedAt) {

  static PendingView of(Email e) {
    return new PendingView(
        e.id(),
        e.mailboxId(),
        e.direction().wire(),
        e.from(),
        e.to(),
        e.subject(),
        e.markdown(),
        e.status().wire(),
        EmailSummaryView.iso(e.receivedAt()));
  }
}
