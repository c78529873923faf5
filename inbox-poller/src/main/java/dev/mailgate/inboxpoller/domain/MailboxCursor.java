package dev.mailgate.inboxpoller.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The polling state of one mailbox: its since_id cursor and who may poll it until when. */
@Entity
@Table(name = "mailbox_cursor")
public class MailboxCursor {

  @Id
  @Column(name = "mailbox_id")
  public String mailboxId;

  /** The id of the last email emitted; empty before the first. */
  @Column(name = "last_email_id", nullable = false)
  public String lastEmailId;

  @Column(name = "lease_owner")
  public String leaseOwner;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  @Column(name = "last_success_at")
  public Instant lastSuccessAt;

  @Column(name = "emitted_total", nullable = false)
  public long emittedTotal;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
