package dev.mailgate.outbound.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the outbox module's {@code processed_event} guard before calling MultiMail, so a
 * redelivered batch is not sent again; the authoritative mark is written with the outcomes.
 */
@ApplicationScoped
public class SeenEvents {

  @SuppressWarnings("unchecked")
  public Set<String> among(String consumer, Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    List<String> seen =
        Panache.getEntityManager()
            .createNativeQuery(
                "SELECT event_id FROM processed_event WHERE consumer = :consumer"
                    + " AND event_id IN (:ids)")
            .setParameter("consumer", consumer)
            .setParameter("ids", List.copyOf(eventIds))
            .getResultList();
    return new HashSet<>(seen);
  }
}
