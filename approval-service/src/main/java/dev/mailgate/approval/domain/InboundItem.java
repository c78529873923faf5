package dev.mailgate.approval.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An inbound email as fetched, and whether it was released to the agents. */
@Entity
@Table(name = "inbound_email")
public class InboundItem {

  @Id
  @Column(name = "email_id")
  public String emailId;

  @Column(name = "mailbox_id")
  public String mailboxId;

  @Column(name = "thread_id")
  public String threadId;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode payload;

  /** {@code held}, {@code released} or {@code rejected}. */
  public String state;

  public String reason;

  @Column(name = "received_at")
  public Instant receivedAt;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;
}
