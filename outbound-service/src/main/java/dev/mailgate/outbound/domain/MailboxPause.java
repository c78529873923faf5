package dev.mailgate.outbound.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mailbox whose deliveries wait: MultiMail rate limited it or its quota ran out. */
@Entity
@Table(name = "mailbox_pause")
public class MailboxPause {

  /** Why a mailbox waits. */
  public enum Reason {
    RATE_LIMITED,
    QUOTA_EXHAUSTED
  }

  @Id
  @Column(name = "mailbox_id")
  public String mailboxId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Reason reason;

  @Column(name = "paused_at", nullable = false)
  public Instant pausedAt;

  /** When one delivery may probe MultiMail again. */
  @Column(name = "resume_at", nullable = false)
  public Instant resumeAt;

  @Column(name = "last_error")
  public String lastError;
}
