package dev.mailgate.approval.service.review;

import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.RoleNames;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

/** Read side of the review queue: keyset-paginated listings and single items with their context. */
@ApplicationScoped
public class ReviewQueries {

  private final IntentRepository intents;

  public ReviewQueries(IntentRepository intents) {
    this.intents = intents;
  }

  /** One page in (received_at, intent_id) order, and the cursor of the next page if any. */
  public record Page(List<Intent> items, Optional<Cursor> next) {}

  @Transactional
  public Page list(ReviewFilter filter, Optional<Cursor> after, int limit) {
    StringBuilder where =
        new StringBuilder(filter.monitored() ? "reviewAfter = true" : "state in :pending");
    Parameters params = new Parameters();
    if (!filter.monitored()) {
      params.and("pending", List.of(DecisionState.HELD, DecisionState.CONFLICT));
    }
    optional(where, params, "mailboxId", "mailbox", filter.mailbox());
    // Every spelling of the role (RoleNames): "Product Manager" finds ProductManager's items.
    optional(
        where,
        params,
        "roleKey",
        "role",
        filter.role() == null ? null : RoleNames.key(filter.role()));
    optional(where, params, "team", "team", filter.team());
    if (filter.conflictId() != null) {
      where.append(" and conflictId = :conflict");
      params.and("conflict", UUID.fromString(filter.conflictId()));
    }
    Optional<Set<String>> visible = filter.scope().restriction();
    if (visible.isPresent() && visible.get().isEmpty()) {
      return new Page(List.of(), Optional.empty());
    }
    if (visible.isPresent()) {
      where.append(" and mailboxId in :visible");
      params.and("visible", visible.get());
    }
    after.ifPresent(
        c -> {
          // A row comparison, which PostgreSQL answers by walking the (received_at, intent_id)
          // index from the cursor; the equivalent or-condition made it filter every earlier row.
          where.append(" and (receivedAt, intentId) > (:t, :id)");
          params.and("t", c.receivedAt()).and("id", c.id());
        });
    List<Intent> rows =
        new ArrayList<>(
            intents
                .find(where + " order by receivedAt, intentId", params)
                // Only read for the answer: no snapshots to keep, nothing to dirty-check at commit.
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .page(0, limit + 1)
                .list());
    Optional<Cursor> next = Optional.empty();
    if (rows.size() > limit) {
      rows.remove(limit);
      Intent last = rows.get(limit - 1);
      next = Optional.of(new Cursor(last.receivedAt, last.intentId));
    }
    return new Page(rows, next);
  }

  @Transactional
  public Optional<Intent> find(String intentId) {
    return intents.findByIdOptional(intentId);
  }

  @Transactional
  public List<Intent> conflictGroup(UUID conflictId) {
    return intents.conflictGroup(conflictId);
  }

  @Transactional
  public List<Intent> thread(Intent intent) {
    return intents.sameThread(intent.mailboxId, intent.threadKey, intent.intentId);
  }

  private static void optional(
      StringBuilder where, Parameters params, String field, String name, String value) {
    if (value != null) {
      where.append(" and ").append(field).append(" = :").append(name);
      params.and(name, value);
    }
  }
}
