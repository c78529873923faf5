package dev.mailgate.approval.service.review;

import dev.mailgate.events.Actor;
import dev.mailgate.events.DecisionState;
import dev.mailgate.outbox.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Decisions as operators count them: {@code mailgate_approval_decisions_total{state, actor}} and
 * {@code mailgate_approval_time_to_decision_seconds{state, actor}} (from the intent's arrival),
 * counted once the deciding transaction has committed, so a batch retried after a database outage
 * is not counted twice.
 */
@ApplicationScoped
public class ReviewMetrics {

  private final MeterRegistry registry;
  private final AfterCommit afterCommit;

  public ReviewMetrics(MeterRegistry registry, AfterCommit afterCommit) {
    this.registry = registry;
    this.afterCommit = afterCommit;
  }

  /** Counts a decision when the current transaction commits (at once outside one). */
  public void decided(DecisionState state, Actor actor, Instant receivedAt, Instant decidedAt) {
    afterCommit.run(() -> count(state, actor, receivedAt, decidedAt));
  }

  private void count(DecisionState state, Actor actor, Instant receivedAt, Instant decidedAt) {
    String stateTag = state.name().toLowerCase(Locale.ROOT);
    String actorTag = actor.type().name().toLowerCase(Locale.ROOT);
    Counter.builder("mailgate.approval.decisions")
        .description("Intents decided, by state and by who decided")
        .tag("state", stateTag)
        .tag("actor", actorTag)
        .register(registry)
        .increment();
    if (receivedAt != null && decidedAt != null && !decidedAt.isBefore(receivedAt)) {
      Timer.builder("mailgate.approval.time.to.decision")
          .description("From an intent's arrival to its decision")
          .tag("state", stateTag)
          .tag("actor", actorTag)
          .register(registry)
          .record(Duration.between(receivedAt, decidedAt));
    }
  }
}
