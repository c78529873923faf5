package dev.mailgate.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Audit rows: dedup lookups, chain walks and the reads of the query API. */
@ApplicationScoped
public class AuditEventRepository implements PanacheRepository<AuditEvent> {

  /** Which of {@code dedupKeys} are already recorded. */
  public Set<String> existingDedupKeys(Collection<String> dedupKeys) {
    if (dedupKeys.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        getEntityManager()
            .createQuery(
                "select e.dedupKey from AuditEvent e where e.dedupKey in :keys", String.class)
            .setParameter("keys", dedupKeys)
            .getResultList());
  }

  /**
   * Up to {@code limit} rows of {@code chainKey} after position {@code afterSeq} and up to {@code
   * upToSeq}, in order.
   */
  public List<AuditEvent> chainPage(String chainKey, long afterSeq, long upToSeq, int limit) {
    return find(
            "chainKey = ?1 and chainSeq > ?2 and chainSeq <= ?3 order by chainSeq, id",
            chainKey,
            afterSeq,
            upToSeq)
        .page(0, limit)
        .list();
  }

  /** The row at position {@code seq} of {@code chainKey}, if any. */
  public AuditEvent atPosition(String chainKey, long seq) {
    return find("chainKey = ?1 and chainSeq = ?2", chainKey, seq).firstResult();
  }

  /** The row of {@code chainKey} whose hash is {@code hash}, if any (to tell reorder from loss). */
  public AuditEvent findByChainAndHash(String chainKey, String hash) {
    return find("chainKey = ?1 and hash = ?2", chainKey, hash).firstResult();
  }

  /** Every row of an intent, in recording order; the caller orders the timeline. */
  public List<AuditEvent> listByIntent(String intentId) {
    return list("intentId = ?1 order by id", intentId);
  }
}
