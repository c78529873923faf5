package dev.mailgate.outbound.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A delivery waiting for another try: the original {@code mail.approved} bytes, how often it was
 * tried and when it is due. Deleted in the transaction that writes its final outcome.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

  @Id
  @Column(name = "intent_id")
  public String intentId;

  @Column(name = "mailbox_id", nullable = false)
  public String mailboxId;

  /** The {@code event_id} of the record it came from, kept for the dead-letter topic. */
  @Column(name = "event_id", nullable = false)
  public String eventId;

  @Column(nullable = false)
  public byte[] payload;

  /** Tries so far, of any kind. */
  @Column(nullable = false)
  public int attempts;

  /** Transient failures so far (5xx, timeouts, ...), bounded by configuration. */
  @Column(nullable = false)
  public int failures;

  @Column(name = "next_attempt_at", nullable = false)
  public Instant nextAttemptAt;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** Partition and offset of the {@code mail.approved} record it came from. */
  @Column(name = "source_partition", nullable = false)
  public int sourcePartition;

  @Column(name = "source_offset", nullable = false)
  public long sourceOffset;

  /** The headers of that record (its event id, type and signature). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "source_headers", nullable = false)
  public Map<String, String> sourceHeaders = new HashMap<>();

  /** The first try that may have reached MultiMail, or null. */
  @Column(name = "uncertain_since")
  public Instant uncertainSince;

  /** {@code waiting}, or {@code unknown} once an operator must decide. */
  @Column(nullable = false)
  public String state = WAITING;

  public static final String WAITING = "waiting";
  public static final String UNKNOWN = "unknown";
}
