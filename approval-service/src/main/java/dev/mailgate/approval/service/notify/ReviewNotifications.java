package dev.mailgate.approval.service.notify;

import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.Mailbox;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Queues reviewer notifications in {@code review_notification}: "held" in the transaction that
 * holds an intent (so a rolled-back batch notifies nobody), "expiring" when a scan finds a pending
 * item within {@code expiring-before} of its expiry; at most one of each kind per intent. {@link
 * NotificationSender} delivers them.
 */
@ApplicationScoped
public class ReviewNotifications {

  private final EntityManager entities;
  private final DataSource dataSource;
  private final NotificationConfig config;
  private final NotificationSender sender;
  private final Clock clock;

  public ReviewNotifications(
      EntityManager entities,
      DataSource dataSource,
      NotificationConfig config,
      NotificationSender sender,
      Clock clock) {
    this.clock = clock;
    this.entities = entities;
    this.dataSource = dataSource;
    this.config = config;
    this.sender = sender;
  }

  /** Queues "held" for an intent just held or put in a conflict, if its mailbox has a webhook. */
  public void held(Intent intent) {
    Mailbox mailbox = entities.find(Mailbox.class, intent.mailboxId);
    if (mailbox == null || mailbox.notifyWebhookUrl == null) {
      return;
    }
    queue(NotificationText.HELD, intent, mailbox.notifyWebhookUrl, clock.instant());
    sender.wakeAfterCommit();
  }

  @Scheduled(
      identity = "approval-expiring-notifications",
      every = "${mailgate.approval.notifications.scan-every:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      queueExpiring();
    } catch (RuntimeException e) {
      Log.warnf("could not look for reviews about to expire: %s", e.toString());
    }
  }

  /** Queues "expiring" for pending items about to expire; returns how many were queued. */
  public int queueExpiring() {
    Instant now = clock.instant();
    int queued =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  // Native: review_notification is written by SQL only (its relay claims rows with
                  // SKIP LOCKED),
                  // so it has no entity for a JPQL NOT EXISTS to name.
                  @SuppressWarnings("unchecked")
                  List<Object[]> due =
                      entities
                          .createNativeQuery(
                              "SELECT i.intent_id, m.notify_webhook_url FROM intent i"
                                  + " JOIN mailbox m ON m.id = i.mailbox_id"
                                  + " WHERE m.notify_webhook_url IS NOT NULL"
                                  + " AND i.state IN ('held', 'conflict') AND i.expires_at <= ?1"
                                  + " AND NOT EXISTS (SELECT 1 FROM review_notification n"
                                  + " WHERE n.intent_id = i.intent_id AND n.kind = 'expiring')"
                                  + " ORDER BY i.expires_at LIMIT 500")
                          .setParameter(1, now.plus(config.expiringBefore()))
                          .getResultList();
                  for (Object[] row : due) {
                    Intent intent = entities.find(Intent.class, (String) row[0]);
                    if (intent != null) {
                      queue(NotificationText.EXPIRING, intent, (String) row[1], now);
                    }
                  }
                  return due.size();
                });
    if (queued > 0) {
      sender.wake();
    }
    return queued;
  }

  /** Plain JDBC on the transaction's connection: no flush of the session's pending entities. */
  private void queue(String kind, Intent intent, String url, Instant now) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO review_notification (mailbox_id, intent_id, kind, url, payload)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (intent_id, kind) DO NOTHING")) {
      insert.setString(1, intent.mailboxId);
      insert.setString(2, intent.intentId);
      insert.setString(3, kind);
      insert.setString(4, url);
      insert.setString(5, NotificationText.payload(kind, intent, config.consoleUrl(), now));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not queue a reviewer notification", e);
    }
  }
}
