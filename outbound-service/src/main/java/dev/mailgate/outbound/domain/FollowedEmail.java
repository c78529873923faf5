package dev.mailgate.outbound.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sent email whose final status at MultiMail is not known yet. */
@Entity
@Table(name = "followed_email")
public class FollowedEmail {

  @Id
  @Column(name = "intent_id")
  public String intentId;

  @Column(name = "mailbox_id", nullable = false)
  public String mailboxId;

  @Column(name = "provider_email_id", nullable = false)
  public String providerEmailId;

  @Column(name = "thread_id")
  public String threadId;

  /** The delivery try that MultiMail accepted; follow-up outcomes repeat it. */
  @Column(nullable = false)
  public int attempt;

  /** MultiMail's status at the last look, to announce a change once. */
  @Column(name = "last_status")
  public String lastStatus;

  @Column(nullable = false)
  public int checks;

  @Column(name = "next_check_at", nullable = false)
  public Instant nextCheckAt;

  @Column(name = "follow_until", nullable = false)
  public Instant followUntil;
}
