package dev.mailgate.audit.service;

import dev.mailgate.audit.domain.AuditEvent;
import dev.mailgate.audit.domain.AuditEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read-only queries of the trail. Only fixed query text is built; every value is bound as a
 * parameter. Team, role, agent and action match an event directly or through its intent, so an
 * outcome is found under the role whose intent caused it.
 */
@ApplicationScoped
public class AuditQueryService {

  /** Orders a timeline: by time, then by the step of the flow, then as recorded. */
  static final Comparator<AuditEvent> TIMELINE =
      Comparator.comparing((AuditEvent e) -> e.occurredAt)
          .thenComparingInt(e -> FlowStage.of(e.eventType))
          .thenComparingLong(e -> e.id);

  private final AuditEventRepository events;

  public AuditQueryService(AuditEventRepository events) {
    this.events = events;
  }

  /** One page of events matching {@code filter}, in (occurred_at, id) order. */
  @Transactional
  public Page search(EventFilter filter) {
    StringBuilder query = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    scope(filter.scope(), query, params);
    equal("mailboxId", "mailbox", filter.mailbox(), query, params);
    attributed("team", filter.team(), query, params);
    attributed("role", filter.role(), query, params);
    attributed("agent", filter.agent(), query, params);
    attributed("action", filter.action(), query, params);
    equal("intentId", "intent", filter.intentId(), query, params);
    equal("threadId", "thread", filter.threadId(), query, params);
    equal("eventType", "type", filter.eventType(), query, params);
    if (filter.from() != null) {
      query.append(" and occurredAt >= :from");
      params.put("from", filter.from());
    }
    if (filter.to() != null) {
      query.append(" and occurredAt < :to");
      params.put("to", filter.to());
    }
    if (filter.after() != null) {
      query.append(" and (occurredAt > :afterAt or (occurredAt = :afterAt and id > :afterId))");
      params.put("afterAt", filter.after().occurredAt());
      params.put("afterId", filter.after().id());
    }
    query.append(" order by occurredAt, id");
    List<AuditEvent> rows =
        events.find(query.toString(), params).page(0, filter.limit() + 1).list();
    boolean more = rows.size() > filter.limit();
    List<AuditEvent> page = more ? rows.subList(0, filter.limit()) : rows;
    AuditEvent last = page.isEmpty() ? null : page.get(page.size() - 1);
    return new Page(
        page.stream().map(TrailEntry::of).toList(),
        more ? new Cursor(last.occurredAt, last.id).encode() : null);
  }

  /** Every event of one intent the caller may read, in flow order. */
  @Transactional
  public List<TrailEntry> timeline(String intentId, Set<String> scope) {
    return events.listByIntent(intentId).stream()
        .filter(e -> scope == null || scope.contains(e.mailboxId))
        .sorted(TIMELINE)
        .map(TrailEntry::of)
        .toList();
  }

  /**
   * Every inbound and outbound event of a thread (outbound ones through their intents, which carry
   * no thread id before delivery), in order, each outbound one with the role that caused it.
   */
  @Transactional
  public List<ThreadEntry> thread(String threadId, Set<String> scope) {
    List<AuditEvent> rows = threadRows(threadId, scope);
    Map<String, ThreadEntry.Cause> causes = new HashMap<>();
    for (AuditEvent e : rows) {
      if (e.intentId != null && e.role != null && "intent.submitted".equals(e.eventType)) {
        causes.put(
            e.intentId,
            new ThreadEntry.Cause(
                e.team, e.role, e.agent, e.action, e.triggerMessageId, e.reasoning));
      }
    }
    return rows.stream()
        .map(
            e -> {
              boolean inbound = e.eventType.startsWith("inbound.");
              return new ThreadEntry(
                  inbound ? "inbound" : "outbound",
                  inbound || e.intentId == null ? null : causes.get(e.intentId),
                  TrailEntry.of(e));
            })
        .toList();
  }

  /**
   * A thread as an agent's role sees it ({@link AgentThreadView}): {@code roleNames} are the names
   * the role is known by.
   */
  @Transactional
  public List<ThreadEntry> threadForRole(
      String threadId, Set<String> scope, List<String> roleNames) {
    return AgentThreadView.of(thread(threadId, scope), roleNames);
  }

  private List<AuditEvent> threadRows(String threadId, Set<String> scope) {
    return events
        .list(
            "threadId = ?1 or intentId in (select t.intentId from AuditEvent t"
                + " where t.threadId = ?1 and t.intentId is not null)",
            threadId)
        .stream()
        .filter(e -> scope == null || scope.contains(e.mailboxId))
        .sorted(TIMELINE)
        .toList();
  }

  private static void scope(Set<String> scope, StringBuilder query, Map<String, Object> params) {
    if (scope != null) {
      query.append(" and mailboxId in :scope");
      params.put("scope", scope.isEmpty() ? Set.of("") : scope);
    }
  }

  private static void equal(
      String field, String name, String value, StringBuilder query, Map<String, Object> params) {
    if (value != null) {
      query.append(" and ").append(field).append(" = :").append(name);
      params.put(name, value);
    }
  }

  private static void attributed(
      String field, String value, StringBuilder query, Map<String, Object> params) {
    if (value != null) {
      query
          .append(" and (")
          .append(field)
          .append(" = :")
          .append(field)
          .append(" or intentId in (select i.intentId from AuditEvent i where i.")
          .append(field)
          .append(" = :")
          .append(field)
          .append(" and i.intentId is not null))");
      params.put(field, value);
    }
  }

  /** A page of entries and the cursor of the next page (null on the last page). */
  public record Page(List<TrailEntry> items, String nextCursor) {}
}
