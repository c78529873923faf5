package dev.mailgate.approval.service.policy;

import dev.mailgate.approval.domain.Mailbox;
import dev.mailgate.approval.domain.RecipientRule;
import dev.mailgate.approval.domain.RoleGrant;
import java.time.Duration;

/** Policy entities as plain records, for events and REST answers. */
public final class PolicyViews {

  /** A mailbox's settings. */
  public record MailboxView(
      String id,
      String address,
      String oversightMode,
      Duration reviewTtl,
      String expiryAction,
      String conflictAction,
      int maxRecipients,
      Integer roleSendsPerHour,
      Duration recipientCooldown,
      Duration duplicateWindow,
      int nearDuplicateBits,
      String conflictScope,
      double topicSimilarity,
      double contradictionSimilarity,
      double duplicateSimilarity,
      String notifyWebhookUrl,
      String oversightAddress) {}

  /** A role's grant. */
  public record GrantView(String mailboxId, String role, boolean send, boolean read) {}

  /** A recipient rule. */
  public record RuleView(long id, String mailboxId, String pattern, String effect) {}

  private PolicyViews() {}

  public static MailboxView of(Mailbox m) {
    return new MailboxView(
        m.id,
        m.address,
        m.oversightMode.wire(),
        Duration.ofSeconds(m.reviewTtlSeconds),
        m.expiryAction.wire(),
        m.conflictAction.wire(),
        m.maxRecipients,
        m.roleSendsPerHour,
        Duration.ofSeconds(m.recipientCooldownSeconds),
        Duration.ofSeconds(m.duplicateWindowSeconds),
        m.nearDuplicateBits,
        m.conflictScope.wire(),
        m.topicSimilarity,
        m.contradictionSimilarity,
        m.duplicateSimilarity,
        m.notifyWebhookUrl,
        m.oversightAddress);
  }

  public static GrantView of(RoleGrant g) {
    return new GrantView(g.mailboxId, g.role, g.canSend, g.canRead);
  }

  public static RuleView of(RecipientRule r) {
    return new RuleView(r.id == null ? 0 : r.id, r.mailboxId, r.pattern, r.effect);
  }

  static Object of(Object entity) {
    if (entity instanceof Mailbox m) {
      return of(m);
    }
    if (entity instanceof RoleGrant g) {
      return of(g);
    }
    if (entity instanceof RecipientRule r) {
      return of(r);
    }
    throw new IllegalArgumentException("not a policy entity: " + entity);
  }
}
