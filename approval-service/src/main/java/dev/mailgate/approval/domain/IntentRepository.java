package dev.mailgate.approval.domain;

import dev.mailgate.events.DecisionState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
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

  /** An earlier live intent with exactly this content to exactly these recipients. */
  public Optional<Candidate> exactDuplicate(String mailboxId, ContentKeys keys, Instant since) {
    return getEntityManager()
        .createQuery(
            "select new dev.mailgate.approval.domain.Candidate(i.intentId, i.role, i.state,"
                + " i.contentHash, i.recipientsHash, i.subjectKey, coalesce(i.fingerprint, 0), i.conflictId,"
                + " i.receivedAt) from Intent i where i.mailboxId = :m and i.recipientsHash = :r"
                + " and i.contentHash = :c and i.receivedAt >= :since and i.state in :live"
                + " order by i.receivedAt",
            Candidate.class)
        .setParameter("m", mailboxId)
        .setParameter("r", keys.recipientsHash())
        .setParameter("c", keys.contentHash())
        .setParameter("since", since)
        .setParameter("live", LIVE)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Recent live intents of the mailbox sharing a recipient or the thread, newest first. */
  public List<Candidate> overlapping(
      String mailboxId, Collection<String> recipients, String threadKey, Instant since) {
    return getEntityManager()
        .createQuery(
            "select new dev.mailgate.approval.domain.Candidate(i.intentId, i.role, i.state,"
                + " i.contentHash, i.recipientsHash, i.subjectKey, coalesce(i.fingerprint, 0), i.conflictId,"
                + " i.receivedAt) from Intent i where i.mailboxId = :m and i.receivedAt >= :since"
                + " and i.state in :live and (i.intentId in (select r.intentId from IntentRecipient r"
                + " where r.mailboxId = :m and r.recipient in :recipients and r.receivedAt >= :since)"
                + " or i.threadKey = :thread) order by i.receivedAt desc",
            Candidate.class)
        .setParameter("m", mailboxId)
        .setParameter("since", since)
        .setParameter("live", LIVE)
        .setParameter("recipients", recipients.isEmpty() ? List.of("") : recipients)
        .setParameter("thread", threadKey == null ? "" : threadKey)
        .setMaxResults(MAX_CANDIDATES)
        .getResultList();
  }

  /** How many live intents {@code role} sent through the mailbox since {@code since}. */
  public long countByRoleSince(String mailboxId, String role, Instant since) {
    return count(
        "mailboxId = ?1 and role = ?2 and receivedAt >= ?3 and state in ?4",
        mailboxId,
        role,
        since,
        LIVE);
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
