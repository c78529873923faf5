package dev.mailgate.approval.service.intake;

import dev.mailgate.approval.domain.Candidate;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.approval.domain.Policy;
import dev.mailgate.approval.domain.PolicyRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one polled batch has seen so far: policies read once per batch, and the intents decided
 * earlier in the batch, which are not in the database yet but count for limits, duplicates and
 * conflicts exactly like stored ones.
 */
final class BatchContext {

  private final PolicyRepository policies;
  private final IntentRepository intents;
  private final Map<String, List<Intent>> incoming;
  private final Instant now;
  private final Map<String, Optional<Policy>> policyCache = new HashMap<>();
  private final Map<String, MailboxWindow> windows = new HashMap<>();
  private final List<Intent> stored = new ArrayList<>();
  private final Set<String> intentIds = new HashSet<>();

  /** {@code incoming}: the batch's valid new intents, whose windows are read together. */
  BatchContext(
      PolicyRepository policies, IntentRepository intents, List<Intent> incoming, Instant now) {
    this.policies = policies;
    this.intents = intents;
    this.incoming =
        incoming.stream().collect(java.util.stream.Collectors.groupingBy(i -> i.mailboxId));
    this.now = now;
  }

  /** The stored window of the mailbox, read on first use for every intent of the batch to it. */
  MailboxWindow window(Policy policy) {
    return windows.computeIfAbsent(
        policy.mailbox().id,
        id ->
            MailboxWindow.load(
                intents, policy.mailbox(), incoming.getOrDefault(id, List.of()), now));
  }

  Optional<Policy> policy(String mailboxId) {
    return policyCache.computeIfAbsent(mailboxId, policies::load);
  }

  /** Whether the id was seen before in this batch (a replay within the batch). */
  boolean seen(String intentId) {
    return !intentIds.add(intentId);
  }

  void stored(Intent intent) {
    stored.add(intent);
  }

  List<Intent> storedIntents() {
    return stored;
  }

  Optional<Intent> storedIntent(String intentId) {
    return stored.stream().filter(i -> i.intentId.equals(intentId)).findFirst();
  }

  long liveCountByRole(String mailboxId, String role, Instant since) {
    return live(mailboxId, since).filter(i -> role.equals(i.role)).count();
  }

  Set<String> recentlyWritten(String mailboxId, List<String> recipients, Instant since) {
    Set<String> written = new HashSet<>();
    live(mailboxId, since)
        .forEach(i -> i.recipients().stream().filter(recipients::contains).forEach(written::add));
    return written;
  }

  List<Candidate> overlapping(
      String mailboxId, List<String> recipients, String threadKey, Instant since) {
    return live(mailboxId, since)
        .filter(
            i ->
                (threadKey != null && threadKey.equals(i.threadKey))
                    || i.recipients().stream().anyMatch(recipients::contains))
        .map(Candidate::of)
        .toList();
  }

  private java.util.stream.Stream<Intent> live(String mailboxId, Instant since) {
    return stored.stream()
        .filter(i -> mailboxId.equals(i.mailboxId))
        .filter(i -> !i.receivedAt.isBefore(since))
        .filter(i -> IntentRepository.LIVE.contains(i.state));
  }
}
