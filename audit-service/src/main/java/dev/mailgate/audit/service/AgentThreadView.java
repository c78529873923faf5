package dev.mailgate.audit.service;

import dev.mailgate.events.EventJson;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.InboundEmail;
import dev.mailgate.events.RoleNames;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What an agent's role may see of a thread: the inbound mail released to it whose read grants let
 * the role read it (never mail still held or only fetched), and the thread's outbound steps when
 * the role may read some of that mail or caused the email itself. A reviewer's or admin's view is
 * not filtered.
 */
final class AgentThreadView {

  private AgentThreadView() {}

  static List<ThreadEntry> of(List<ThreadEntry> entries, List<String> roleNames) {
    Set<ThreadEntry> readable = Collections.newSetFromMap(new IdentityHashMap<>());
    entries.stream()
        .filter(e -> "inbound".equals(e.direction()) && readable(e.event(), roleNames))
        .forEach(readable::add);
    boolean readsThread = !readable.isEmpty();
    return entries.stream()
        .filter(
            e ->
                "inbound".equals(e.direction())
                    ? readable.contains(e)
                    : readsThread || causedBy(e, roleNames))
        .toList();
  }

  private static boolean readable(TrailEntry event, List<String> roleNames) {
    if (!EventTypes.INBOUND_RELEASED.equals(event.eventType()) || event.payload() == null) {
      return false;
    }
    try {
      return EventJson.mapper()
          .treeToValue(event.payload(), InboundEmail.class)
          .readableBy(roleNames);
    } catch (IOException | IllegalArgumentException unreadable) {
      return false;
    }
  }

  private static boolean causedBy(ThreadEntry entry, List<String> roleNames) {
    if (entry.causedBy() == null) {
      return false;
    }
    return roleNames.stream().anyMatch(name -> RoleNames.same(entry.causedBy().role(), name));
  }
}
