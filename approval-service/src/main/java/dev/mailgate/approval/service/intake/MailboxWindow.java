package dev.mailgate.approval.service.intake;

import dev.mailgate.approval.domain.Candidate;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.approval.domain.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the database knows about one mailbox's recent window, read once per batch for all of the
 * batch's intents to that mailbox: candidates by recipient and by thread, sends per role in the
 * last hour, recipients in cooldown. A few indexed queries per mailbox and batch instead of several
 * per intent.
 */
final class MailboxWindow {

  /** Most rows one lookup reads, whatever the window holds. */
  static final int ROW_CAP = 20_000;

  private final Map<String, List<Candidate>> byRecipient;
  private final Map<String, List<Candidate>> byThread;
  private final Map<String, Long> roleCounts;
  private final Set<String> cooling;

  private MailboxWindow(
      Map<String, List<Candidate>> byRecipient,
      Map<String, List<Candidate>> byThread,
      Map<String, Long> roleCounts,
      Set<String> cooling) {
    this.byRecipient = byRecipient;
    this.byThread = byThread;
    this.roleCounts = roleCounts;
    this.cooling = cooling;
  }

  static MailboxWindow load(
      IntentRepository intents, Mailbox mailbox, Collection<Intent> batch, Instant now) {
    Set<String> recipients =
        batch.stream().flatMap(i -> i.recipients().stream()).collect(Collectors.toSet());
    Set<String> threads =
        batch.stream().map(i -> i.threadKey).filter(Objects::nonNull).collect(Collectors.toSet());
    Instant windowStart = now.minusSeconds(mailbox.duplicateWindowSeconds);
    Map<String, Long> roleCounts =
        mailbox.roleSendsPerHour == null
            ? Map.of()
            : intents.countByRolesSince(
                mailbox.id,
                batch.stream().map(i -> i.roleKey).collect(Collectors.toSet()),
                now.minus(Duration.ofHours(1)));
    Set<String> cooling =
        mailbox.recipientCooldownSeconds == 0 || recipients.isEmpty()
            ? Set.of()
            : intents.recentlyWritten(
                mailbox.id, recipients, now.minusSeconds(mailbox.recipientCooldownSeconds));
    return new MailboxWindow(
        intents.byRecipients(mailbox.id, recipients, windowStart, ROW_CAP),
        intents.byThreads(mailbox.id, threads, windowStart, ROW_CAP),
        roleCounts,
        cooling);
  }

  /** Stored intents sharing a recipient or the thread with {@code intent}, newest first per key. */
  List<Candidate> candidates(Intent intent) {
    Map<String, Candidate> found = new LinkedHashMap<>();
    for (String recipient : intent.recipients()) {
      byRecipient
          .getOrDefault(recipient, List.of())
          .forEach(c -> found.putIfAbsent(c.intentId(), c));
    }
    if (intent.threadKey != null) {
      byThread
          .getOrDefault(intent.threadKey, List.of())
          .forEach(c -> found.putIfAbsent(c.intentId(), c));
    }
    return List.copyOf(found.values());
  }

  long sendsInLastHour(String roleKey) {
    return roleCounts.getOrDefault(roleKey, 0L);
  }

  Set<String> cooling(List<String> recipients) {
    Set<String> hit = new HashSet<>(recipients);
    hit.retainAll(cooling);
    return hit;
  }
}
