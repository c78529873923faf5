package dev.mailgate.support.security;

import dev.mailgate.support.problem.ApiProblem;
import java.util.Optional;
import java.util.Set;

/**
 * The mailboxes a token's holder may act on, from its {@code mailboxes} claim: {@code *} for all,
 * else exactly those listed. No claim, or an empty one, means no mailbox at all.
 */
public record MailboxScope(boolean all, Set<String> mailboxes) {

  public static final String CLAIM = "mailboxes";
  public static final String ALL = "*";

  public MailboxScope {
    mailboxes = Set.copyOf(mailboxes);
  }

  public static MailboxScope of(Set<String> claimed) {
    return new MailboxScope(claimed.contains(ALL), claimed);
  }

  public boolean allows(String mailboxId) {
    return all || (mailboxId != null && mailboxes.contains(mailboxId));
  }

  /** Refuses (403) a mailbox the token does not grant. */
  public void require(String mailboxId) {
    if (!allows(mailboxId)) {
      throw ApiProblem.forbidden("the token does not grant this mailbox");
    }
  }

  /**
   * For queries: empty when every mailbox is allowed, else the set to filter by (which may itself
   * be empty: then nothing matches).
   */
  public Optional<Set<String>> restriction() {
    return all ? Optional.empty() : Optional.of(mailboxes);
  }
}
