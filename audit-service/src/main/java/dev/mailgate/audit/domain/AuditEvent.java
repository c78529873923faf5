package dev.mailgate.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One audited event: what it was, who caused it, where it was read, and its link in a chain. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_ids")
  @SequenceGenerator(
      name = "audit_event_ids",
      sequenceName = "audit_event_id_seq",
      allocationSize = 100)
  public Long id;

  @Column(name = "dedup_key")
  public String dedupKey;

  @Column(name = "event_id")
  public String eventId;

  @Column(name = "chain_key")
  public String chainKey;

  @Column(name = "chain_seq")
  public long chainSeq;

  @Column(name = "prev_hash")
  public String prevHash;

  @Column(name = "hash")
  public String hash;

  /** {@link ChainHash#KEYED} for every row written now; {@link ChainHash#UNKEYED} for old rows. */
  @Column(name = "link_version")
  public short linkVersion = ChainHash.KEYED;

  @Column(name = "event_type")
  public String eventType;

  @Column(name = "source_topic")
  public String sourceTopic;

  @Column(name = "source_partition")
  public int sourcePartition;

  @Column(name = "source_offset")
  public long sourceOffset;

  @Column(name = "kafka_key")
  public String kafkaKey;

  @Column(name = "team")
  public String team;

  @Column(name = "role")
  public String role;

  @Column(name = "agent")
  public String agent;

  @Column(name = "action")
  public String action;

  @Column(name = "trigger_message_id")
  public String triggerMessageId;

  @Column(name = "reasoning")
  public String reasoning;

  @Column(name = "mailbox_id")
  public String mailboxId;

  @Column(name = "intent_id")
  public String intentId;

  @Column(name = "thread_id")
  public String threadId;

  @Column(name = "provider_email_id")
  public String providerEmailId;

  @Column(name = "actor_type")
  public String actorType;

  @Column(name = "actor_id")
  public String actorId;

  @Column(name = "occurred_at")
  public Instant occurredAt;

  @Column(name = "recorded_at")
  public Instant recordedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "payload")
  public String payload;

  @Column(name = "raw_value")
  public String rawValue;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "headers")
  public String headers;

  @Column(name = "dead_letter_reason")
  public String deadLetterReason;

  @Column(name = "dead_letter_topic")
  public String deadLetterTopic;

  @Column(name = "error")
  public String error;
}
