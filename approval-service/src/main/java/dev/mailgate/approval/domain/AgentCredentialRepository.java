package dev.mailgate.approval.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Agent credentials by id. */
@ApplicationScoped
public class AgentCredentialRepository implements PanacheRepositoryBase<AgentCredential, String> {

  /** The credentials with these ids (revoked ones included: the caller says why it refuses). */
  public List<AgentCredential> byIds(Collection<String> ids) {
    return ids.isEmpty() ? List.of() : list("agentId in ?1", ids);
  }

  /** Every credential, newest first. */
  public List<AgentCredential> newestFirst() {
    return list("order by createdAt desc, agentId");
  }
}
