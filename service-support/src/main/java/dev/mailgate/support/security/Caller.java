package dev.mailgate.support.security;

import java.util.Set;

/**
 * Who calls a REST API, from their verified bearer token: the subject (as given and normalised),
 * their groups ({@code reviewer}, {@code admin}, {@code agent}) and their mailboxes.
 */
public record Caller(String subject, String identity, Set<String> groups, MailboxScope scope) {

  public static final String REVIEWER = "reviewer";
  public static final String ADMIN = "admin";
  public static final String AGENT = "agent";

  public Caller {
    groups = Set.copyOf(groups);
  }

  public boolean isAdmin() {
    return groups.contains(ADMIN);
  }

  public boolean isReviewer() {
    return groups.contains(REVIEWER);
  }

  public boolean isAgent() {
    return groups.contains(AGENT);
  }

  /** Whether the caller may act on {@code mailboxId}: every right is scoped to the token's. */
  public boolean mayActOn(String mailboxId) {
    return scope.allows(mailboxId);
  }

  /** Whether {@code other} names this caller (after normalisation). */
  public boolean is(String other) {
    return Identities.same(identity, other);
  }
}
