package dev.mailgate.outbound.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Waiting deliveries. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, String> {

  /**
   * Takes up to {@code limit} due deliveries of mailboxes that are not paused (or whose pause is
   * up, so one try probes), reserving them until {@code leaseUntil}: another instance skips them,
   * and takes them again only if this one dies before writing their outcome.
   */
  // Native SQL: FOR UPDATE ... SKIP LOCKED is PostgreSQL's, and JPQL cannot say it.
  @SuppressWarnings("unchecked")
  public List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
    String sql =
        "SELECT d.* FROM delivery d WHERE d.next_attempt_at <= :now AND d.state = 'waiting'"
            + " AND NOT EXISTS (SELECT 1 FROM mailbox_pause p"
            + "  WHERE p.mailbox_id = d.mailbox_id AND p.resume_at > :now)"
            + " ORDER BY d.next_attempt_at, d.created_at LIMIT :limit FOR UPDATE OF d SKIP LOCKED";
    List<Delivery> claimed =
        getEntityManager()
            .createNativeQuery(sql, Delivery.class)
            .setParameter("now", now)
            .setParameter("limit", limit)
            .getResultList();
    claimed.forEach(d -> d.nextAttemptAt = leaseUntil);
    return claimed;
  }

  /** Which of {@code intentIds} already wait here. */
  public Set<String> waiting(Collection<String> intentIds) {
    if (intentIds.isEmpty()) {
      return Set.of();
    }
    return find("intentId in ?1", intentIds).project(IntentId.class).stream()
        .map(IntentId::intentId)
        .collect(Collectors.toSet());
  }

  /** Makes every delivery of the mailbox due now; returns how many wait. */
  public int releaseMailbox(String mailboxId, Instant now) {
    return update(
        "nextAttemptAt = ?1 where mailboxId = ?2 and state = ?3", now, mailboxId, Delivery.WAITING);
  }

  /** Deliveries waiting for an operator's decision, oldest first. */
  public List<Delivery> unknown(int limit) {
    return find("state = ?1 order by createdAt", Delivery.UNKNOWN).page(0, limit).list();
  }

  /** One delivery, locked until the transaction ends. */
  public java.util.Optional<Delivery> findForUpdate(String intentId) {
    return findByIdOptional(intentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
  }

  public long countWaiting(String mailboxId) {
    return count("mailboxId", mailboxId);
  }

  /** A projection of the key alone. */
  public record IntentId(String intentId) {}
}
