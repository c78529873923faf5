package dev.mailgate.outbound.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A delivery waiting for another try: the original {@code mail.approved} bytes, how often it was
 * tried and when it is due. Deleted in the transaction that writes its final outcome.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

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
}
