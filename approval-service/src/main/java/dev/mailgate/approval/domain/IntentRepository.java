package dev.mailgate.approval.domain;

import dev.mailgate.events.DecisionState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Intents: replay checks, the duplicate window, the review queue. */
@ApplicationScoped
public class IntentRepository implements PanacheRepositoryBase<Intent, String> {

  /** States of intents that still count in the window: not refused, not suppressed. */
  public static final List<DecisionState> LIVE =
      List.of(
          DecisionState.ACCEPTED,
          DecisionState.HELD,
          DecisionState.CONFLICT,
          DecisionState.APPROVED);

  /** The most candidates compared per new intent; keeps the check bounded as the window fills. */
  public static final int MAX_CANDIDATES = 200;

  private static final String CANDIDATE_FIELDS =
      " i.intentId, i.role, i.roleKey, i.state, i.contentHash, i.recipientsHash, i.subjectKey, i.fingerprint,"
          + " i.conflictId, i.receivedAt, i.threadKey, i.topicTerms, i.facts)";

  /** The intents MultiMail accepted under these email ids. */
  public List<Intent> byProviderEmailIds(Collection<String> providerEmailIds) {
    return providerEmailIds.isEmpty() ? List.of() : list("providerEmailId in ?1", providerEmailIds);
  }

  public Set<String> existingIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        getEntityManager()
            .createQuery("select i.intentId from Intent i where i.intentId in :ids", String.class)
            .setParameter("ids", ids)
            .getResultList());
  }

  /**
   * Recent live intents of the mailbox written to any of {@code recipients}, newest first, by
   * recipient; at most {@code cap} rows in all, so the lookup stays bounded as the window fills.
   */
  public Map<String, List<Candidate>> byRecipients(
      String mailboxId, Collection<String> recipients, Instant since, int cap) {
    Map<String, List<Candidate>> found = new HashMap<>();
    if (recipients.isEmpty()) {
      return found;
    }
    getEntityManager()
        .createQuery(
            "select new dev.mailgate.approval.domain.KeyedCandidate(r.recipient,"
                + CANDIDATE_FIELDS
                + " from IntentRecipient r join Intent i on i.intentId = r.intentId"
                + " where r.mailboxId = :m and r.recipient in :recipients and r.receivedAt >= :since"
                + " and i.state in :live order by r.receivedAt desc",
            KeyedCandidate.class)
        .setParameter("m", mailboxId)
        .setParameter("recipients", recipients)
        .setParameter("since", since)
        .setParameter("live", LIVE)
        .setMaxResults(cap)
        .getResultList()
        .forEach(
            row -> found.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row.candidate()));
    return found;
  }

  /** Recent live intents of the mailbox in any of the threads, newest first, by thread key. */
  public Map<String, List<Candidate>> byThreads(
      String mailboxId, Collection<String> threadKeys, Instant since, int cap) {
    Map<String, List<Candidate>> found = new HashMap<>();
    if (threadKeys.isEmpty()) {
      return found;
    }
    getEntityManager()
        .createQuery(
            "select new dev.mailgate.approval.domain.KeyedCandidate(i.threadKey,"
                + CANDIDATE_FIELDS
                + " from Intent i where i.mailboxId = :m"
                + " and i.threadKey in :threads and i.receivedAt >= :since and i.state in :live"
                + " order by i.receivedAt desc",
            KeyedCandidate.class)
        .setParameter("m", mailboxId)
        .setParameter("threads", threadKeys)
        .setParameter("since", since)
        .setParameter("live", LIVE)
        .setMaxResults(cap)
        .getResultList()
        .forEach(
            row -> found.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row.candidate()));
    return found;
  }

  /**
   * Live intents per role of the mailbox since {@code since}, for the given role keys ({@link
   * Intent#roleKey}), keyed by them.
   */
  public Map<String, Long> countByRolesSince(
      String mailboxId, Collection<String> roles, Instant since) {
    Map<String, Long> counts = new HashMap<>();
    if (roles.isEmpty()) {
      return counts;
    }
    getEntityManager()
        .createQuery(
            "select new dev.mailgate.approval.domain.RoleCount(i.roleKey, count(i))"
                + " from Intent i where i.mailboxId = :m and i.roleKey in :roles"
                + " and i.receivedAt >= :since and i.state in :live group by i.roleKey",
            RoleCount.class)
        .setParameter("m", mailboxId)
        .setParameter("roles", roles)
        .setParameter("since", since)
        .setParameter("live", LIVE)
        .getResultList()
        .forEach(row -> counts.put(row.role(), row.count()));
    return counts;
  }

  /**
   * Which of {@code recipients} were written to by a live intent of the mailbox since {@code
   * since}.
   */
  public Set<String> recentlyWritten(
      String mailboxId, Collection<String> recipients, Instant since) {
    return new HashSet<>(
        getEntityManager()
            .createQuery(
                "select distinct r.recipient from IntentRecipient r, Intent i"
                    + " where r.intentId = i.intentId and r.mailboxId = :m and r.recipient in :recipients"
                    + " and r.receivedAt >= :since and i.state in :live",
                String.class)
            .setParameter("m", mailboxId)
            .setParameter("recipients", recipients)
            .setParameter("since", since)
            .setParameter("live", LIVE)
            .getResultList());
  }

  /** Stores a new intent, and its recipients while it counts in the window. */
  public void store(Intent intent) {
    persist(intent);
    if (LIVE.contains(intent.state)) {
      intent.recipients().forEach(r -> getEntityManager().persist(IntentRecipient.of(intent, r)));
    }
  }

  /** The intents with these ids that exist, in one query. */
  public List<Intent> findAllById(Collection<String> ids) {
    return ids.isEmpty() ? List.of() : list("intentId in ?1", ids);
  }

  public Optional<Intent> findForUpdate(String intentId) {
    return findByIdOptional(intentId, LockModeType.PESSIMISTIC_WRITE);
  }

  public List<Intent> conflictGroup(UUID conflictId) {
    return list("conflictId = ?1 order by receivedAt, intentId", conflictId);
  }

  public List<Intent> conflictGroupForUpdate(UUID conflictId) {
    return find("conflictId = ?1 order by receivedAt, intentId", conflictId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  /** Pending items whose review time is over, locked, skipping those another instance holds. */
  public List<Intent> expiredForUpdate(Instant now, int limit) {
    return getEntityManager()
        .createQuery(
            "from Intent i where i.state in :pending and i.expiresAt <= :now"
                + " order by i.expiresAt",
            Intent.class)
        .setParameter("pending", List.of(DecisionState.HELD, DecisionState.CONFLICT))
        .setParameter("now", now)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint("jakarta.persistence.lock.timeout", -2)
        .setMaxResults(limit)
        .getResultList();
  }

  public List<Intent> sameThread(String mailboxId, String threadKey, String exceptIntentId) {
    if (threadKey == null) {
      return List.of();
    }
    return list(
        "mailboxId = ?1 and threadKey = ?2 and intentId <> ?3 order by receivedAt",
        mailboxId,
        threadKey,
        exceptIntentId);
  }
}
