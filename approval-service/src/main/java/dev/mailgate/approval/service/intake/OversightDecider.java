package dev.mailgate.approval.service.intake;

import dev.mailgate.approval.domain.Assessment;
import dev.mailgate.approval.domain.Candidate;
import dev.mailgate.approval.domain.ConflictAction;
import dev.mailgate.approval.domain.ConflictRules;
import dev.mailgate.approval.domain.ContentKeys;
import dev.mailgate.approval.domain.DuplicateDetector;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.approval.domain.Mailbox;
import dev.mailgate.approval.domain.OversightMode;
import dev.mailgate.approval.domain.Policy;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.validation.IntentLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a valid new intent: hard policy first (mode, grant, recipients, limits), then duplicates,
 * the recipient cooldown and conflicts, then the mailbox's oversight mode.
 */
@ApplicationScoped
public class OversightDecider {

  /** MultiMail's limit on an email's recipients (to, cc and bcc together). */
  private static final int MULTIMAIL_MAX_RECIPIENTS = IntentLimits.defaults().maxRecipients();

  /** The outcome for the new intent; conflicting candidates are handled by the caller. */
  public record Verdict(
      DecisionState state,
      String reason,
      String relatedIntentId,
      List<Candidate> conflictsWith,
      List<Assessment.Disagreement> disagreements) {
    static Verdict of(DecisionState state, String reason) {
      return new Verdict(state, reason, null, List.of(), List.of());
    }
  }

  private final IntentRepository intents;

  public OversightDecider(IntentRepository intents) {
    this.intents = intents;
  }

  Verdict decide(Intent intent, ContentKeys keys, BatchContext batch) {
    Optional<Policy> found = batch.policy(intent.mailboxId);
    if (found.isEmpty()) {
      return Verdict.of(
          DecisionState.REJECTED,
          "unknown mailbox " + intent.mailboxId + ": it has no oversight policy in MailGate");
    }
    Policy policy = found.get();
    Mailbox mailbox = policy.mailbox();
    List<String> recipients = intent.recipients();
    Optional<String> refusal = policy.refusal(intent.role, recipients);
    if (refusal.isPresent()) {
      return Verdict.of(DecisionState.REJECTED, refusal.get());
    }
    Optional<String> overLimit = roleLimit(intent, mailbox, batch, batch.window(policy));
    if (overLimit.isPresent()) {
      return Verdict.of(DecisionState.REJECTED, overLimit.get());
    }
    Instant windowStart = intent.receivedAt.minusSeconds(mailbox.duplicateWindowSeconds);
    MailboxWindow window = batch.window(policy);
    List<Candidate> candidates =
        new ArrayList<>(
            batch.overlapping(intent.mailboxId, recipients, intent.threadKey, windowStart));
    candidates.addAll(window.candidates(intent));
    Assessment assessment =
        DuplicateDetector.assess(
            intent.roleKey, intent.threadKey, keys, candidates, ConflictRules.of(mailbox));
    if (assessment instanceof Assessment.Duplicate duplicate) {
      return new Verdict(
          DecisionState.DUPLICATE,
          "the same message to the same recipients was already sent within "
              + Duration.ofSeconds(mailbox.duplicateWindowSeconds),
          duplicate.originalIntentId(),
          List.of(),
          List.of());
    }
    Optional<String> cooling = cooldown(intent, mailbox, recipients, batch, batch.window(policy));
    if (cooling.isPresent()) {
      return Verdict.of(DecisionState.REJECTED, cooling.get());
    }
    if (assessment instanceof Assessment.Conflict conflict
        && mailbox.conflictAction == ConflictAction.HOLD) {
      return new Verdict(
          DecisionState.CONFLICT,
          "held for a reviewer: " + conflict.why(),
          null,
          conflict.with(),
          conflict.disagreements());
    }
    return byMode(mailbox, recipients);
  }

  private static Verdict byMode(Mailbox mailbox, List<String> recipients) {
    OversightMode mode = mailbox.oversightMode;
    return switch (mode) {
      case GATED_ALL, GATED_SEND ->
          Verdict.of(DecisionState.HELD, "mailbox is " + mode.wire() + ": a reviewer decides");
      case MONITORED ->
          copyWouldExceedLimit(mailbox, recipients)
              ? Verdict.of(
                  DecisionState.HELD,
                  "mailbox is monitored: the copy to "
                      + mailbox.oversightAddress
                      + " would make "
                      + (recipients.size() + 1)
                      + " recipients, over MultiMail's "
                      + MULTIMAIL_MAX_RECIPIENTS
                      + "; a reviewer decides (what a reviewer approves is sent without the copy)")
              : Verdict.of(
                  DecisionState.APPROVED, "mailbox is monitored: sent at once, listed for review");
      case AUTONOMOUS -> Verdict.of(DecisionState.APPROVED, "mailbox is autonomous");
      case READ_ONLY -> Verdict.of(DecisionState.REJECTED, "mailbox is read_only");
    };
  }

  /**
   * Whether monitored mail's copy to the oversight address (added to {@code mail.approved} unless
   * it is a recipient already) would take the email over MultiMail's limit on recipients.
   */
  private static boolean copyWouldExceedLimit(Mailbox mailbox, List<String> recipients) {
    String copy = mailbox.oversightAddress;
    return copy != null
        && !recipients.contains(copy.toLowerCase(java.util.Locale.ROOT))
        && recipients.size() + 1 > MULTIMAIL_MAX_RECIPIENTS;
  }

  private static Optional<String> roleLimit(
      Intent intent, Mailbox mailbox, BatchContext batch, MailboxWindow window) {
    if (mailbox.roleSendsPerHour == null) {
      return Optional.empty();
    }
    Instant hourAgo = intent.receivedAt.minus(Duration.ofHours(1));
    long sent =
        window.sendsInLastHour(intent.roleKey)
            + batch.liveCountByRole(intent.mailboxId, intent.roleKey, hourAgo);
    if (sent < mailbox.roleSendsPerHour) {
      return Optional.empty();
    }
    return Optional.of(
        "role "
            + intent.role
            + " reached its limit of "
            + mailbox.roleSendsPerHour
            + " emails per hour on mailbox "
            + intent.mailboxId);
  }

  private static Optional<String> cooldown(
      Intent intent,
      Mailbox mailbox,
      List<String> recipients,
      BatchContext batch,
      MailboxWindow window) {
    if (mailbox.recipientCooldownSeconds == 0 || recipients.isEmpty()) {
      return Optional.empty();
    }
    Instant since = intent.receivedAt.minusSeconds(mailbox.recipientCooldownSeconds);
    Set<String> written = window.cooling(recipients);
    written.addAll(batch.recentlyWritten(intent.mailboxId, recipients, since));
    if (written.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "recipient "
            + written.iterator().next()
            + " was written to less than "
            + Duration.ofSeconds(mailbox.recipientCooldownSeconds)
            + " ago (cooldown)");
  }
}
