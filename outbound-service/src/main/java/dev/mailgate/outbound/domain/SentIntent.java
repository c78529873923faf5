package dev.mailgate.outbound.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An intent MultiMail accepted; a later copy of its approval is never sent again. */
@Entity
@Table(name = "sent_intent")
public class SentIntent {

  @Id
  @Column(name = "intent_id")
  public String intentId;

  @Column(name = "mailbox_id", nullable = false)
  public String mailboxId;

  @Column(name = "provider_email_id")
  public String providerEmailId;

  @Column(name = "accepted_at", nullable = false)
  public Instant acceptedAt;
}
