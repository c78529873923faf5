package dev.mailgate.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The head of one hash chain: the last position and hash appended, and the base the chain starts
 * from ({@link ChainHash#GENESIS} at position 0 unless retention pruned a prefix).
 */
@Entity
@Table(name = "audit_chain")
public class AuditChain {

  @Id
  @Column(name = "chain_key")
  public String chainKey;

  @Column(name = "last_seq")
  public long lastSeq;

  @Column(name = "last_hash")
  public String lastHash;

  @Column(name = "base_seq")
  public long baseSeq;

  @Column(name = "base_hash")
  public String baseHash;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
