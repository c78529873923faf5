package dev.mailgate.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One recipient of one intent, for overlap lookups within the duplicate window. */
@Entity
@Table(name = "intent_recipient")
@IdClass(IntentRecipient.Key.class)
public class IntentRecipient {

  /** The composite key. */
  public record Key(String intentId, String recipient) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "intent_id")
  public String intentId;

  @Id public String recipient;

  @Column(name = "mailbox_id")
  public String mailboxId;

  @Column(name = "received_at")
  public Instant receivedAt;

  public static IntentRecipient of(Intent intent, String recipient) {
    IntentRecipient row = new IntentRecipient();
    row.intentId = intent.intentId;
    row.recipient = recipient;
    row.mailboxId = intent.mailboxId;
    row.receivedAt = intent.receivedAt;
    return row;
  }
}
