package dev.mailgate.approval.console;

import dev.mailgate.approval.domain.InboundItem;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.service.review.Cursor;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.RoleNames;
import dev.mailgate.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The console's read side: the queue with its filters and keyset pages (by arrival or by expiry),
 * counts per mailbox, a reviewer's recent rejection reasons; always within the caller's mailboxes.
 */
@ApplicationScoped
public class ConsoleQueries {

  private static final List<DecisionState> PENDING =
      List.of(DecisionState.HELD, DecisionState.CONFLICT);

  private final EntityManager em;

  public ConsoleQueries(EntityManager em) {
    this.em = em;
  }

  /** A page of the queue and the cursor of the next one. */
  public record Page(List<Intent> items, Optional<Cursor> next) {}

  /** Waiting items of one mailbox. */
  public record Count(String mailboxId, long held, long conflict, long monitored, long inbound) {}

  @Transactional
  public Page list(QueueFilter filter, Caller caller, int limit) {
    Optional<Set<String>> visible = caller.scope().restriction();
    if (visible.isPresent() && visible.get().isEmpty()
        || filter.mailbox() != null && !caller.mayActOn(filter.mailbox())) {
      return new Page(List.of(), Optional.empty());
    }
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder("from Intent i where ");
    switch (filter.view()) {
      case "monitored" -> where.append("i.reviewAfter = true");
      case "held" ->
          where.append("i.state = :state").append(put(params, "state", DecisionState.HELD));
      case "conflict" ->
          where.append("i.state = :state").append(put(params, "state", DecisionState.CONFLICT));
      default -> where.append("i.state in :pending").append(put(params, "pending", PENDING));
    }
    visible.ifPresent(
        v -> where.append(" and i.mailboxId in :visible").append(put(params, "visible", v)));
    equal(where, params, "mailboxId", filter.mailbox());
    equal(where, params, "team", filter.team());
    // Every spelling of the role (RoleNames): "Product Manager" finds ProductManager's items.
    equal(where, params, "roleKey", filter.role() == null ? null : RoleNames.key(filter.role()));
    if (filter.text() != null) {
      where.append(
          " and (lower(i.subject) like :text escape '!' or lower(i.markdown) like :text escape '!'"
              + " or lower(i.agent) like :text escape '!' or exists (select 1 from IntentRecipient r"
              + " where r.intentId = i.intentId and lower(r.recipient) like :text escape '!'))");
      params.put("text", "%" + like(filter.text()) + "%");
    }
    String key = filter.byExpiry() ? "i.expiresAt" : "i.receivedAt";
    filter
        .after()
        .ifPresent(
            c -> {
              // A row comparison, so PostgreSQL walks the (key, intent_id) index from the cursor.
              where.append(" and (" + key + ", i.intentId) > (:t, :id)");
              params.put("t", c.receivedAt());
              params.put("id", c.id());
            });
    TypedQuery<Intent> query =
        em.createQuery(where + " order by " + key + ", i.intentId", Intent.class);
    params.forEach(query::setParameter);
    List<Intent> rows = new ArrayList<>(query.setMaxResults(limit + 1).getResultList());
    Optional<Cursor> next = Optional.empty();
    if (rows.size() > limit) {
      rows.remove(limit);
      Intent last = rows.get(limit - 1);
      next =
          Optional.of(
              new Cursor(filter.byExpiry() ? last.expiresAt : last.receivedAt, last.intentId));
    }
    return new Page(rows, next);
  }

  /** Held, conflict, monitored and held-inbound counts of every mailbox the caller reviews. */
  @Transactional
  public List<Count> counts(Caller caller) {
    Optional<Set<String>> visible = caller.scope().restriction();
    if (visible.isPresent() && visible.get().isEmpty()) {
      return List.of();
    }
    String scope = visible.isPresent() ? " and i.mailboxId in :visible" : "";
    Map<String, long[]> counts = new TreeMap<>();
    grouped(
            "select new dev.mailgate.approval.console.StateCount(i.mailboxId, i.state, count(i))"
                + " from Intent i where i.state in :pending"
                + scope
                + " group by i.mailboxId, i.state",
            StateCount.class,
            visible,
            Map.of("pending", PENDING))
        .forEach(
            row ->
                counts
                        .computeIfAbsent(row.mailboxId(), k -> new long[4])[
                        row.state() == DecisionState.HELD ? 0 : 1] +=
                    row.count());
    grouped(
            "select new dev.mailgate.approval.console.MailboxCount(i.mailboxId, count(i))"
                + " from Intent i where i.reviewAfter = true"
                + scope
                + " group by i.mailboxId",
            MailboxCount.class,
            visible,
            Map.of())
        .forEach(
            row -> counts.computeIfAbsent(row.mailboxId(), k -> new long[4])[2] += row.count());
    grouped(
            "select new dev.mailgate.approval.console.MailboxCount(i.mailboxId, count(i))"
                + " from InboundItem i where i.state = 'held'"
                + scope
                + " group by i.mailboxId",
            MailboxCount.class,
            visible,
            Map.of())
        .forEach(
            row -> counts.computeIfAbsent(row.mailboxId(), k -> new long[4])[3] += row.count());
    return counts.entrySet().stream()
        .map(
            e ->
                new Count(
                    e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
        .toList();
  }

  /** Held inbound mail in the caller's mailboxes, oldest first. */
  @Transactional
  public List<InboundItem> heldInbound(Caller caller, String mailbox, int limit) {
    Optional<Set<String>> visible = caller.scope().restriction();
    if (visible.isPresent() && visible.get().isEmpty()
        || mailbox != null && !caller.mayActOn(mailbox)) {
      return List.of();
    }
    TypedQuery<InboundItem> query =
        em.createQuery(
            "from InboundItem i where i.state = 'held'"
                + (visible.isPresent() ? " and i.mailboxId in :visible" : "")
                + (mailbox != null ? " and i.mailboxId = :mailbox" : "")
                + " order by i.receivedAt, i.emailId",
            InboundItem.class);
    visible.ifPresent(v -> query.setParameter("visible", v));
    if (mailbox != null) {
      query.setParameter("mailbox", mailbox);
    }
    return query.setMaxResults(limit).getResultList();
  }

  /** The reasons this reviewer gave most recently when rejecting, newest first, distinct. */
  @Transactional
  public List<String> recentReasons(Caller caller, int limit) {
    List<String> reasons =
        em.createQuery(
                "select i.reason from Intent i where i.state = :rejected and i.decidedBy = :me"
                    + " and i.reason not like 'superseded by %' order by i.decidedAt desc",
                String.class)
            .setParameter("rejected", DecisionState.REJECTED)
            .setParameter("me", caller.subject())
            .setMaxResults(50)
            .getResultList();
    return new ArrayList<>(new LinkedHashSet<>(reasons)).stream().limit(limit).toList();
  }

  @Transactional
  public Optional<Intent> find(String intentId, Caller caller) {
    return Optional.ofNullable(em.find(Intent.class, intentId))
        .filter(i -> caller.mayActOn(i.mailboxId));
  }

  @Transactional
  public Optional<InboundItem> inbound(String emailId, Caller caller) {
    return Optional.ofNullable(em.find(InboundItem.class, emailId))
        .filter(i -> caller.mayActOn(i.mailboxId));
  }

  private <T> List<T> grouped(
      String jpql, Class<T> row, Optional<Set<String>> visible, Map<String, Object> params) {
    TypedQuery<T> query = em.createQuery(jpql, row);
    visible.ifPresent(v -> query.setParameter("visible", v));
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  private static void equal(
      StringBuilder where, Map<String, Object> params, String field, String value) {
    if (value != null) {
      where.append(" and i.").append(field).append(" = :").append(field);
      params.put(field, value);
    }
  }

  private static String put(Map<String, Object> params, String name, Object value) {
    params.put(name, value);
    return "";
  }

  private static String like(String text) {
    return text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
