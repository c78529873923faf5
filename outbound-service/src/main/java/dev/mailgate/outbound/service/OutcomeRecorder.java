package dev.mailgate.outbound.service;

import dev.mailgate.events.DeliveryOutcome;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.OutcomeStatus;
import dev.mailgate.events.Topics;
import dev.mailgate.outbound.config.OutboundConfig;
import dev.mailgate.outbound.domain.MailboxPause;
import dev.mailgate.outbound.domain.PauseRepository;
import dev.mailgate.outbound.domain.QuotaAnnouncements;
import dev.mailgate.outbound.domain.Verdict;
import dev.mailgate.outbox.EventPublisher;
import dev.mailgate.outbox.consumer.DeadLetters;
import dev.mailgate.outbox.consumer.Problems;
import dev.mailgate.outbox.loop.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Turns verdicts into state and events, inside the caller's transaction: the outcome (and a dead
 * letter for a permanent failure) goes to the outbox together with the change to the waiting
 * delivery and the mailbox's pause, so they commit or vanish together.
 */
@ApplicationScoped
public class OutcomeRecorder {

  private final Parking parking;
  private final PauseRepository pauses;
  private final QuotaAnnouncements quota;
  private final EventPublisher events;
  private final DeadLetters deadLetters;
  private final DeliveryMetrics metrics;
  private final SentMailFollower follower;
  private final OutboundConfig config;
  private final Backoff backoff;
  private final Clock clock;

  public OutcomeRecorder(
      Parking parking,
      PauseRepository pauses,
      QuotaAnnouncements quota,
      EventPublisher events,
      DeadLetters deadLetters,
      DeliveryMetrics metrics,
      SentMailFollower follower,
      OutboundConfig config,
      Clock clock) {
    this.parking = parking;
    this.pauses = pauses;
    this.quota = quota;
    this.events = events;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.follower = follower;
    this.config = config;
    this.clock = clock;
    OutboundConfig.Retry retry = config.retry();
    this.backoff =
        new Backoff(retry.initialDelay(), retry.maxDelay(), retry.maxRetryAfter(), new Random());
  }

  public void record(List<Result> results) {
    Instant now = clock.instant();
    Map<String, Instant> holds = new HashMap<>();
    Set<String> accepted = new HashSet<>();
    Set<String> sentBefore =
        parking.sentAmong(
            results.stream()
                .filter(r -> r.verdict() instanceof Verdict.Accepted)
                .map(r -> r.work().intentId())
                .toList());
    for (Result result : results) {
      apply(result.work(), result.verdict(), now, holds, sentBefore);
      if (result.verdict() instanceof Verdict.Accepted) {
        accepted.add(result.work().mailboxId());
      }
    }
    // MultiMail accepts this mailbox's mail again: whatever paused it is over.
    accepted.removeAll(holds.keySet());
    pauses.liftAll(accepted);
  }

  private void apply(
      Work work, Verdict verdict, Instant now, Map<String, Instant> holds, Set<String> sentBefore) {
    int attempt = work.attempts() + 1;
    if (verdict instanceof Verdict.Accepted a) {
      if (parking.finishSent(work, a.providerEmailId(), now, sentBefore)) {
        emit(work, OutcomeStatus.ACCEPTED, attempt, a, null, null, null, now);
        follower.follow(
            work.intentId(), work.mailboxId(), a.providerEmailId(), a.threadId(), attempt, now);
        metrics.outcome("accepted");
      }
    } else if (verdict instanceof Verdict.Permanent p) {
      fail(work, attempt, p.httpStatus() == 0 ? null : p.httpStatus(), p.error(), now);
    } else if (verdict instanceof Verdict.Transient t) {
      retryLater(work, t, attempt, now, holds);
    } else if (verdict instanceof Verdict.RateLimited r) {
      Instant until = now.plus(backoff.pause(r.retryAfter(), config.retry().maxRetryAfter()));
      holds.put(work.mailboxId(), until);
      pauses.pause(work.mailboxId(), MailboxPause.Reason.RATE_LIMITED, now, until, r.error());
      if (parking.park(work, attempt, work.failures(), until, r.error(), false, now)) {
        emit(work, OutcomeStatus.RETRYING, attempt, null, 429, r.error(), until, now);
        metrics.retry("rate_limited");
      }
    } else if (verdict instanceof Verdict.QuotaExhausted q) {
      Instant until = now.plus(backoff.pause(q.retryAfter(), config.quota().probeInterval()));
      holds.put(work.mailboxId(), until);
      pauses.pause(work.mailboxId(), MailboxPause.Reason.QUOTA_EXHAUSTED, now, until, q.error());
      if (parking.park(work, attempt, work.failures(), until, q.error(), false, now)
          && quota.firstInPeriod(work.mailboxId(), work.intentId(), now)) {
        emit(work, OutcomeStatus.QUOTA_EXHAUSTED, attempt, null, 429, q.error(), until, now);
        metrics.outcome("quota_exhausted");
      }
    } else if (verdict instanceof Verdict.Deferred d) {
      Instant due = holds.getOrDefault(work.mailboxId(), d.until() == null ? now : d.until());
      parking.park(work, work.attempts(), work.failures(), due, null, false, now);
    } else if (verdict instanceof Verdict.Unknown u) {
      String error =
          "a try at "
              + u.uncertainSince()
              + " may have reached MultiMail and its idempotency window ("
              + config.retry().idempotencyWindow()
              + ") is over: another try could send a second email, so an operator decides"
              + " (POST /api/deliveries/"
              + work.intentId()
              + "/resolve)";
      if (parking.holdForOperator(work, error)) {
        emit(work, OutcomeStatus.UNKNOWN, work.attempts(), null, null, error, null, now);
        metrics.outcome("unknown");
      }
    }
  }

  private void retryLater(
      Work work, Verdict.Transient t, int attempt, Instant now, Map<String, Instant> holds) {
    holds.putIfAbsent(work.mailboxId(), now);
    int failures = work.failures() + 1;
    if (failures >= config.retry().maxAttempts()) {
      fail(work, attempt, t.httpStatus(), "gave up after " + attempt + " tries: " + t.error(), now);
      return;
    }
    Instant next = now.plus(backoff.delay(failures, t.retryAfter()));
    if (parking.park(work, attempt, failures, next, t.error(), t.mayHaveBeenApplied(), now)) {
      emit(work, OutcomeStatus.RETRYING, attempt, null, t.httpStatus(), t.error(), next, now);
      metrics.retry(t.tag());
    }
  }

  /** A final failure: the outcome, and the original record to {@code mail.approved.dlq}. */
  void fail(Work work, int attempt, Integer httpStatus, String error, Instant now) {
    if (!parking.finish(work)) {
      return;
    }
    emit(work, OutcomeStatus.FAILED, attempt, null, httpStatus, error, null, now);
    String reason =
        "MultiMail refused delivery" + (httpStatus == null ? "" : " (" + httpStatus + ")");
    deadLetters.send(Intake.CONSUMER, work.source(), work.payload(), reason + ": " + error);
    metrics.outcome("failed");
  }

  /** Publishes one outcome on {@code mail.outcomes}. */
  void emit(
      Work work,
      OutcomeStatus status,
      int attempt,
      Verdict.Accepted accepted,
      Integer httpStatus,
      String error,
      Instant retryAt,
      Instant now) {
    DeliveryOutcome outcome =
        new DeliveryOutcome(
            work.intentId(),
            work.mailboxId(),
            status,
            attempt,
            accepted == null ? null : accepted.providerEmailId(),
            accepted == null ? null : accepted.threadId(),
            accepted == null ? null : accepted.providerStatus(),
            httpStatus,
            Problems.shorten(error),
            retryAt,
            now);
    events.publish(Topics.OUTCOMES, work.mailboxId(), EventTypes.outcome(status), outcome);
  }
}
