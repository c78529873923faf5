package dev.mailgate.multimail.client.model;

import java.util.List;
import java.util.Optional;

/** One page of {@code GET /v1/mailboxes/{id}/emails}; {@code cursor} is null on the last page. */
public record EmailPage(List<EmailSummary> emails, String cursor) {

  public EmailPage {
    emails = emails == null ? List.of() : List.copyOf(emails);
  }

  public Optional<String> nextCursor() {
    return Optional.ofNullable(cursor);
  }
}
