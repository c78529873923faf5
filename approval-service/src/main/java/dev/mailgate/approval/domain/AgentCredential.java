package dev.mailgate.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An agent's credential: the team, roles and mailboxes its signed intents may claim. */
@Entity
@Table(name = "agent_credential")
public class AgentCredential {

  @Id
  @Column(name = "agent_id")
  public String agentId;

  public String team;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] roles;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] mailboxes;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "revoked_by")
  public String revokedBy;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public List<String> roleList() {
    return List.of(roles);
  }

  public List<String> mailboxList() {
    return List.of(mailboxes);
  }
}
