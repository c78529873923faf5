package dev.mailgate.approval.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Requested autonomy raises. */
@ApplicationScoped
public class ModeChangeRepository implements PanacheRepositoryBase<ModeChange, UUID> {

  /** A mailbox's pending raises, oldest first. */
  public List<ModeChange> pending(String mailboxId) {
    return list(
        "mailboxId = ?1 and state = ?2 order by requestedAt", mailboxId, ModeChange.PENDING);
  }
}
