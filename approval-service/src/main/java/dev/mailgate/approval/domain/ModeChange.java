package dev.mailgate.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A requested raise of a mailbox's autonomy, waiting for a second administrator's confirmation
 * (two-person rule).
 */
@Entity
@Table(name = "mode_change")
public class ModeChange {

  public static final String PENDING = "pending";
  public static final String CONFIRMED = "confirmed";
  public static final String CANCELLED = "cancelled";

  @Id public UUID id;

  @Column(name = "mailbox_id")
  public String mailboxId;

  @Column(name = "from_mode")
  public OversightMode fromMode;

  @Column(name = "to_mode")
  public OversightMode toMode;

  /** The requesting administrator's subject. */
  @Column(name = "requested_by")
  public String requestedBy;

  @Column(name = "requested_at")
  public Instant requestedAt;

  public String state;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;
}
