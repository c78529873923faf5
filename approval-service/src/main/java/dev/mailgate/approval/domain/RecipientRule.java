package dev.mailgate.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Allows or denies recipients of a mailbox by exact address or {@code *@domain}. */
@Entity
@Table(name = "recipient_rule")
public class RecipientRule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "mailbox_id")
  public String mailboxId;

  /** An address or {@code *@domain}, stored lower-case. */
  public String pattern;

  /** {@code allow} or {@code deny}. */
  public String effect;

  public boolean isDeny() {
    return "deny".equals(effect);
  }
}
