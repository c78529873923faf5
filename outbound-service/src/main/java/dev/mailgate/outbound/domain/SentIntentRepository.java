package dev.mailgate.outbound.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Intents MultiMail accepted. */
@ApplicationScoped
public class SentIntentRepository implements PanacheRepositoryBase<SentIntent, String> {

  /** Which of {@code intentIds} were sent already. */
  public Set<String> sentAmong(Collection<String> intentIds) {
    if (intentIds.isEmpty()) {
      return Set.of();
    }
    return find("intentId in ?1", intentIds).project(IntentId.class).stream()
        .map(IntentId::intentId)
        .collect(Collectors.toSet());
  }

  /** A projection of the key alone. */
  public record IntentId(String intentId) {}
}
