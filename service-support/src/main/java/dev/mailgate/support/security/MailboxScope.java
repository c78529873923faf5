package dev.mailgate.support.security;

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

  /**
   * For queries: empty when every mailbox is allowed, else the set to filter by (which may itself
   * be empty: then nothing matches).
   */
  public Optional<Set<String>> restriction() {
    return all ? Optional.empty() : Optional.of(mailboxes);
  }
}
