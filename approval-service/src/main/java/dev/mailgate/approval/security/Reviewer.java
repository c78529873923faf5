package dev.mailgate.approval.security;

import java.util.Set;

/**
 * The person calling the REST API, from their bearer token: {@code sub}, and the mailboxes they may
 * act on ({@code mailboxes} claim; {@code *} for all).
 */
public record Reviewer(String subject, Set<String> mailboxes, boolean admin) {

  private static final String ALL = "*";

  public boolean mayActOn(String mailboxId) {
    return mailboxes.contains(ALL) || (mailboxId != null && mailboxes.contains(mailboxId));
  }

  /** The mailboxes a listing may show; empty means every mailbox. */
  public Set<String> visibleMailboxes() {
    return mailboxes.contains(ALL) ? Set.of() : mailboxes;
  }
}
