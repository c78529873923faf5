package dev.mailgate.inboxpoller.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/** Digests of accepted webhook bodies, so one body is accepted once within the replay window. */
@ApplicationScoped
public class WebhookReplayRepository {

  private final EntityManager entityManager;

  public WebhookReplayRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Records the digest; false when it was already there (a replay). */
  // Native: ON CONFLICT DO NOTHING (PostgreSQL) makes "first seen" one atomic insert.
  public boolean firstSeen(String bodySha256) {
    return entityManager
            .createNativeQuery(
                "INSERT INTO webhook_seen (body_sha256) VALUES (?1) ON CONFLICT DO NOTHING")
            .setParameter(1, bodySha256)
            .executeUpdate()
        == 1;
  }

  /** Forgets digests older than the window: a body that old is refused for its timestamp. */
  public int forgetOlderThan(Duration window) {
    return entityManager
        .createNativeQuery(
            "DELETE FROM webhook_seen WHERE seen_at < now() - ?1 * interval '1 millisecond'")
        .setParameter(1, window.toMillis())
        .executeUpdate();
  }
}
