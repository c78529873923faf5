package dev.mailgate.approval.service.notify;

import dev.mailgate.outbox.AfterCommit;
import dev.mailgate.outbox.loop.Backoff;
import dev.mailgate.outbox.loop.WakeableLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Delivers queued reviewer notifications: claims due rows for a lease, POSTs each as JSON to its
 * mailbox's webhook, and records the result — sent on a 2xx, else tried again after a doubling
 * backoff until {@code max-attempts}, then given up (logged; {@code
 * mailgate_approval_notifications_total{result}} counts sent, retried and failed). Woken when a
 * transaction that queued one commits; looks anyway every few seconds.
 */
@ApplicationScoped
public class NotificationSender {

  private static final int BATCH = 20;
  private static final Duration LEASE = Duration.ofMinutes(1);

  private record Due(long id, String url, String payload, int attempts) {}

  private final EntityManager entities;
  private final NotificationConfig config;
  private final AfterCommit afterCommit;
  private final ManagedExecutor executor;
  private final MeterRegistry metrics;
  private final Backoff backoff;
  private final HttpClient http;
  private final WakeableLoop loop;

  private final Clock clock;

  public NotificationSender(
      EntityManager entities,
      NotificationConfig config,
      AfterCommit afterCommit,
      ManagedExecutor executor,
      MeterRegistry metrics,
      Clock clock) {
    this.clock = clock;
    this.entities = entities;
    this.config = config;
    this.afterCommit = afterCommit;
    this.executor = executor;
    this.metrics = metrics;
    this.backoff = Backoff.between(config.initialDelay(), config.maxDelay());
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.loop =
        new WakeableLoop(
            "review-notifications", Duration.ofSeconds(5), Duration.ofMinutes(1), this::sendDue);
  }

  void start(@Observes StartupEvent event) {
    if (config.enabled()) {
      loop.start(executor);
    } else {
      Log.info("reviewer notifications are off (mailgate.approval.notifications.enabled=false)");
    }
  }

  void stop(@Observes ShutdownEvent event) {
    loop.stop(Duration.ofSeconds(5));
  }

  /** Looks for due notifications now. */
  public void wake() {
    loop.wake();
  }

  /** Wakes the sender once the current transaction has committed (at once outside one). */
  void wakeAfterCommit() {
    afterCommit.run(this::wake);
  }

  /** Sends one batch of due notifications; returns whether a full batch was due. */
  public boolean sendDue() {
    List<Due> due = QuarkusTransaction.requiringNew().call(this::claim);
    for (Due notification : due) {
      String failure = post(notification);
      QuarkusTransaction.requiringNew().run(() -> record(notification, failure));
    }
    return due.size() == BATCH;
  }

  // Native: UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING claims a batch in one
  // round trip without two instances taking the same rows; SKIP LOCKED and RETURNING are
  // PostgreSQL's.
  private List<Due> claim() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(
                "UPDATE review_notification SET next_attempt_at = ?1, attempts = attempts + 1"
                    + " WHERE id IN (SELECT id FROM review_notification WHERE sent_at IS NULL"
                    + " AND failed_at IS NULL AND next_attempt_at <= ?2 ORDER BY id LIMIT ?3"
                    + " FOR UPDATE SKIP LOCKED) RETURNING id, url, payload, attempts")
            .setParameter(1, clock.instant().plus(LEASE))
            .setParameter(2, clock.instant())
            .setParameter(3, BATCH)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Due(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).intValue()))
        .toList();
  }

  /** Null when the receiver took it, else why not. */
  private String post(Due notification) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(notification.url()))
              .timeout(config.timeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "MailGate approval-service")
              .POST(HttpRequest.BodyPublishers.ofString(notification.payload()))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
    } catch (IOException | IllegalArgumentException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private void record(Due notification, String failure) {
    String result;
    if (failure == null) {
      entities
          .createNativeQuery("UPDATE review_notification SET sent_at = now() WHERE id = ?1")
          .setParameter(1, notification.id())
          .executeUpdate();
      result = "sent";
    } else if (notification.attempts() >= config.maxAttempts()) {
      entities
          .createNativeQuery(
              "UPDATE review_notification SET failed_at = now(), last_error = ?2 WHERE id = ?1")
          .setParameter(1, notification.id())
          .setParameter(2, failure)
          .executeUpdate();
      Log.warnf(
          "gave up notifying %s after %d tries: %s",
          notification.url(), notification.attempts(), failure);
      result = "failed";
    } else {
      entities
          .createNativeQuery(
              "UPDATE review_notification SET next_attempt_at = ?2, last_error = ?3 WHERE id = ?1")
          .setParameter(1, notification.id())
          .setParameter(2, clock.instant().plus(backoff.delay(notification.attempts())))
          .setParameter(3, failure)
          .executeUpdate();
      result = "retried";
    }
    metrics.counter("mailgate.approval.notifications", "result", result).increment();
  }
}
