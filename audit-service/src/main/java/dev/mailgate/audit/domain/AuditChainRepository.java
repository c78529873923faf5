package dev.mailgate.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Chain heads. Locking a head serialises appends to its chain across service instances. */
@ApplicationScoped
public class AuditChainRepository implements PanacheRepositoryBase<AuditChain, String> {

  /**
   * Creates the missing heads of {@code chainKeys}, then locks all of them FOR UPDATE in key order
   * (one order for every writer, so two batches never deadlock on each other's chains).
   */
  public Map<String, AuditChain> lockHeads(Collection<String> chainKeys) {
    TreeSet<String> keys = new TreeSet<>(chainKeys);
    List<String> existing =
        getEntityManager()
            .createQuery(
                "select c.chainKey from AuditChain c where c.chainKey in :keys", String.class)
            .setParameter("keys", keys)
            .getResultList();
    for (String key : keys) {
      if (!existing.contains(key)) {
        // Native: ON CONFLICT DO NOTHING (PostgreSQL) lets two consumers create the same head at
        // once.
        getEntityManager()
            .createNativeQuery(
                "insert into audit_chain (chain_key, last_seq, last_hash, base_seq, base_hash,"
                    + " updated_at) values (?1, 0, ?2, 0, ?2, now()) on conflict do nothing")
            .setParameter(1, key)
            .setParameter(2, ChainHash.GENESIS)
            .executeUpdate();
      }
    }
    Map<String, AuditChain> heads = new HashMap<>();
    find("chainKey in ?1 order by chainKey", keys)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list()
        .forEach(head -> heads.put(head.chainKey, head));
    return heads;
  }

  /** Every chain key, in order. */
  public List<String> allKeys() {
    return getEntityManager()
        .createQuery("select c.chainKey from AuditChain c order by c.chainKey", String.class)
        .getResultList();
  }
}
