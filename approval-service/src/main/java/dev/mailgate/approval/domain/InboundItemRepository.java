package dev.mailgate.approval.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Inbound emails as approval-service holds them until they are released or rejected. */
@ApplicationScoped
public class InboundItemRepository implements PanacheRepositoryBase<InboundItem, String> {

  /** The item, locked for the decision about it; empty when there is none. */
  public Optional<InboundItem> findForUpdate(String emailId) {
    return findByIdOptional(emailId, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The items with these ids (those that exist). */
  public List<InboundItem> byIds(Collection<String> emailIds) {
    return emailIds.isEmpty() ? List.of() : list("emailId in ?1", emailIds);
  }

  /**
   * Held items, oldest first, at most {@code limit}; {@code visible} restricts them to those
   * mailboxes (empty: every mailbox).
   */
  public List<InboundItem> held(Optional<Set<String>> visible, int limit) {
    if (visible.isPresent() && visible.get().isEmpty()) {
      return List.of();
    }
    var query =
        visible.isEmpty()
            ? find("state = 'held' order by receivedAt, emailId")
            : find(
                "state = 'held' and mailboxId in ?1 order by receivedAt, emailId", visible.get());
    return query.page(0, limit).list();
  }
}
