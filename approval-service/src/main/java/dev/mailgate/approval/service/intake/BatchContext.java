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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
  // The batch's stored intents indexed as they are looked up, so each lookup costs what it finds,
  // not the size of the batch; each list is in the order of storing.
  private final Map<String, Intent> storedById = new HashMap<>();
  private final Map<String, List<Intent>> byMailboxRole = new HashMap<>();
  private final Map<String, List<Intent>> byRecipient = new HashMap<>();
  private final Map<String, List<Intent>> byThread = new HashMap<>();
  private final Map<Intent, Integer> position = new IdentityHashMap<>();

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
    position.put(intent, stored.size());
    stored.add(intent);
    storedById.putIfAbsent(intent.intentId, intent);
    index(byMailboxRole, key(intent.mailboxId, intent.roleKey), intent);
    for (String recipient : intent.recipients()) {
      index(byRecipient, key(intent.mailboxId, recipient), intent);
    }
    if (intent.threadKey != null) {
      index(byThread, key(intent.mailboxId, intent.threadKey), intent);
    }
  }

  List<Intent> storedIntents() {
    return stored;
  }

  Optional<Intent> storedIntent(String intentId) {
    return Optional.ofNullable(storedById.get(intentId));
  }

  long liveCountByRole(String mailboxId, String roleKey, Instant since) {
    return byMailboxRole.getOrDefault(key(mailboxId, roleKey), List.of()).stream()
        .filter(i -> live(i, since))
        .count();
  }

  Set<String> recentlyWritten(String mailboxId, List<String> recipients, Instant since) {
    Set<String> written = new HashSet<>();
    for (String recipient : recipients) {
      for (Intent i : byRecipient.getOrDefault(key(mailboxId, recipient), List.of())) {
        if (live(i, since)) {
          written.add(recipient);
          break;
        }
      }
    }
    return written;
  }

  List<Candidate> overlapping(
      String mailboxId, List<String> recipients, String threadKey, Instant since) {
    TreeMap<Integer, Intent> found = new TreeMap<>();
    if (threadKey != null) {
      byThread
          .getOrDefault(key(mailboxId, threadKey), List.of())
          .forEach(i -> found.put(position.get(i), i));
    }
    for (String recipient : recipients) {
      byRecipient
          .getOrDefault(key(mailboxId, recipient), List.of())
          .forEach(i -> found.put(position.get(i), i));
    }
    return found.values().stream().filter(i -> live(i, since)).map(Candidate::of).toList();
  }

  private static boolean live(Intent intent, Instant since) {
    return !intent.receivedAt.isBefore(since) && IntentRepository.LIVE.contains(intent.state);
  }

  private static String key(String mailboxId, String part) {
    return mailboxId + '\n' + part;
  }

  private static void index(Map<String, List<Intent>> index, String key, Intent intent) {
    index.computeIfAbsent(key, k -> new ArrayList<>()).add(intent);
  }
}
