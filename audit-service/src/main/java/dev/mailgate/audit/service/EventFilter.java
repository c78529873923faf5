package dev.mailgate.audit.service;

import java.time.Instant;
import java.util.Set;

/**
 * A validated query over the trail. Every field but {@code limit} is optional (null = any).
 *
 * @param scope the mailboxes the caller may read; null for all
 * @param team matches events whose intent was submitted by this team (likewise role, agent, action)
 */
public record EventFilter(
    Set<String> scope,
    String mailbox,
    String team,
    String role,
    String agent,
    String action,
    String intentId,
    String threadId,
    String eventType,
    Instant from,
    Instant to,
    Cursor after,
    int limit) {

  /** The same query continuing after {@code cursor}. */
  public EventFilter after(Cursor cursor) {
    return new EventFilter(
        scope, mailbox, team, role, agent, action, intentId, threadId, eventType, from, to, cursor,
        limit);
  }
}
