package dev.mailgate.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** What one agent role may do with one mailbox ({@code *} grants every role). */
@Entity
@Table(name = "role_grant")
@IdClass(RoleGrant.Key.class)
public class RoleGrant {

  /** The composite key. */
  public record Key(String mailboxId, String role) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "mailbox_id")
  public String mailboxId;

  @Id public String role;

  @Column(name = "can_send")
  public boolean canSend;

  @Column(name = "can_read")
  public boolean canRead;
}
