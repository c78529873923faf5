package dev.mailgate.approval.service.review;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What waits for reviewers, per mailbox and state ({@code held}, {@code conflict}), refreshed every
 * {@code mailgate.approval.metrics.every} from the pending-items index: {@code
 * mailgate_approval_reviews_pending}, {@code mailgate_approval_reviews_oldest_age_seconds} and
 * {@code mailgate_approval_reviews_next_expiry_seconds} (time left before the first of them
 * expires; negative when one is overdue).
 */
@ApplicationScoped
public class ReviewBacklog {

  /** One mailbox and state's figures. */
  public record Row(
      String mailbox,
      String state,
      long pending,
      double oldestAgeSeconds,
      double nextExpirySeconds) {}

  private final EntityManager entities;
  private final MultiGauge pending;
  private final MultiGauge oldest;
  private final MultiGauge expiry;
  private final Clock clock;

  public ReviewBacklog(EntityManager entities, MeterRegistry registry, Clock clock) {
    this.clock = clock;
    this.entities = entities;
    this.pending =
        MultiGauge.builder("mailgate.approval.reviews.pending")
            .description("Items waiting for a reviewer")
            .register(registry);
    this.oldest =
        MultiGauge.builder("mailgate.approval.reviews.oldest.age.seconds")
            .description("Age of the oldest item waiting for a reviewer")
            .register(registry);
    this.expiry =
        MultiGauge.builder("mailgate.approval.reviews.next.expiry.seconds")
            .description("Time left before the first waiting item expires")
            .register(registry);
  }

  @Scheduled(
      identity = "approval-review-backlog-metrics",
      every = "${mailgate.approval.metrics.every:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      refresh();
    } catch (RuntimeException e) {
      Log.warnf("could not refresh the review backlog metrics: %s", e.toString());
    }
  }

  /** Reads the backlog now and publishes it; returns the rows. */
  public List<Row> refresh() {
    Instant now = clock.instant();
    List<Row> rows = QuarkusTransaction.requiringNew().call(() -> read(now));
    List<MultiGauge.Row<?>> counts = new ArrayList<>();
    List<MultiGauge.Row<?>> ages = new ArrayList<>();
    List<MultiGauge.Row<?>> expiries = new ArrayList<>();
    for (Row row : rows) {
      Tags tags = Tags.of("mailbox", row.mailbox(), "state", row.state());
      counts.add(MultiGauge.Row.of(tags, row.pending()));
      ages.add(MultiGauge.Row.of(tags, row.oldestAgeSeconds()));
      expiries.add(MultiGauge.Row.of(tags, row.nextExpirySeconds()));
    }
    pending.register(counts, true);
    oldest.register(ages, true);
    expiry.register(expiries, true);
    return rows;
  }

  // Native: the states are literals, word for word the predicate of PostgreSQL's partial indexes on
  // pending intents (V1), so the planner can use them; a bound parameter list could not.
  private List<Row> read(Instant now) {
    @SuppressWarnings("unchecked")
    List<Object[]> result =
        entities
            .createNativeQuery(
                "SELECT mailbox_id, state, count(*), min(received_at), min(expires_at) FROM intent"
                    + " WHERE state IN ('held', 'conflict') GROUP BY mailbox_id, state")
            .getResultList();
    List<Row> rows = new ArrayList<>(result.size());
    for (Object[] r : result) {
      Instant oldestAt = instant(r[3]);
      Instant expiresAt = instant(r[4]);
      rows.add(
          new Row(
              String.valueOf(r[0]),
              String.valueOf(r[1]),
              ((Number) r[2]).longValue(),
              oldestAt == null ? 0 : Duration.between(oldestAt, now).toMillis() / 1000.0,
              expiresAt == null
                  ? Double.NaN
                  : Duration.between(now, expiresAt).toMillis() / 1000.0));
    }
    return rows;
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
