package dev.mailgate.audit.service;

import dev.mailgate.audit.config.AuditConfig;
import dev.mailgate.audit.domain.AuditChain;
import dev.mailgate.audit.domain.AuditChainRepository;
import dev.mailgate.audit.domain.AuditEvent;
import dev.mailgate.audit.domain.AuditEventRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies {@code mailgate.audit.retention} (unset by default: nothing is ever deleted). Only a
 * chain's oldest rows go, and the chain's base moves to the last removed row's hash in the same
 * transaction, so what remains still verifies. No API deletes rows.
 */
@ApplicationScoped
public class RetentionService {

  private final AuditEventRepository events;
  private final AuditChainRepository chains;
  private final AuditConfig config;

  private final Clock clock;

  public RetentionService(
      AuditEventRepository events, AuditChainRepository chains, AuditConfig config, Clock clock) {
    this.clock = clock;
    this.events = events;
    this.chains = chains;
    this.config = config;
  }

  @Scheduled(identity = "audit-retention", every = "1h", delayed = "5m")
  void scheduled() {
    config
        .retention()
        .ifPresent(
            keep -> {
              Instant cutoff = clock.instant().minus(keep);
              for (String chain : QuarkusTransaction.requiringNew().call(chains::allKeys)) {
                prune(chain, cutoff);
              }
            });
  }

  /** Removes the rows of {@code chainKey} recorded before {@code cutoff}; returns how many. */
  @Transactional
  public long prune(String chainKey, Instant cutoff) {
    AuditChain head =
        chains.find("chainKey", chainKey).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    if (head == null) {
      return 0;
    }
    Long firstKept =
        events
            .getEntityManager()
            .createQuery(
                "select min(e.chainSeq) from AuditEvent e where e.chainKey = :chain"
                    + " and e.recordedAt >= :cutoff",
                Long.class)
            .setParameter("chain", chainKey)
            .setParameter("cutoff", cutoff)
            .getSingleResult();
    long upTo = firstKept == null ? head.lastSeq : firstKept - 1;
    if (upTo <= head.baseSeq) {
      return 0;
    }
    AuditEvent last = events.find("chainKey = ?1 and chainSeq = ?2", chainKey, upTo).firstResult();
    if (last == null) {
      Log.errorf("retention skipped chain %s: position %d is missing; verify it", chainKey, upTo);
      return 0;
    }
    long removed = events.delete("chainKey = ?1 and chainSeq <= ?2", chainKey, upTo);
    head.baseSeq = upTo;
    head.baseHash = last.hash;
    Log.infof("retention removed %d rows of chain %s up to position %d", removed, chainKey, upTo);
    return removed;
  }
}
