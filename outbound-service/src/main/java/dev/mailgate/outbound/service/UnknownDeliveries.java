package dev.mailgate.outbound.service;

import dev.mailgate.outbound.domain.Delivery;
import dev.mailgate.outbound.domain.DeliveryRepository;
import dev.mailgate.outbound.domain.Verdict;
import dev.mailgate.support.problem.ApiProblem;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Deliveries in state {@code unknown} and an operator's decision about each, in one transaction
 * with the outcome it implies: {@code delivered} (MultiMail's sent mail shows it went out), {@code
 * resend} (it did not; try again), or {@code failed} (give up, dead-letter it).
 */
@ApplicationScoped
public class UnknownDeliveries {

  /** A delivery waiting for an operator, as operators see it. */
  public record Waiting(
      String intentId,
      String mailboxId,
      Instant uncertainSince,
      int attempts,
      String lastError,
      Instant createdAt) {}

  /** What an operator decided. */
  public enum Resolution {
    DELIVERED,
    RESEND,
    FAILED
  }

  private final DeliveryRepository deliveries;
  private final OutcomeRecorder recorder;
  private final Clock clock;

  public UnknownDeliveries(DeliveryRepository deliveries, OutcomeRecorder recorder, Clock clock) {
    this.deliveries = deliveries;
    this.recorder = recorder;
    this.clock = clock;
  }

  @Transactional
  public List<Waiting> list(int limit) {
    return deliveries.unknown(limit).stream()
        .map(
            d ->
                new Waiting(
                    d.intentId,
                    d.mailboxId,
                    d.uncertainSince,
                    d.attempts,
                    d.lastError,
                    d.createdAt))
        .toList();
  }

  @Transactional
  public void resolve(
      String intentId,
      Resolution resolution,
      String providerEmailId,
      String note,
      String by,
      Predicate<String> mayActOn) {
    Delivery delivery =
        deliveries
            .findForUpdate(intentId)
            .filter(d -> Delivery.UNKNOWN.equals(d.state))
            .filter(d -> mayActOn.test(d.mailboxId))
            .orElseThrow(
                () -> ApiProblem.notFound("no delivery of " + intentId + " waits for a decision"));
    Work work = RetryScheduler.work(delivery);
    Instant now = clock.instant();
    String why = "resolved by " + by + (note == null || note.isBlank() ? "" : ": " + note);
    switch (resolution) {
      case DELIVERED ->
          recorder.record(
              List.of(
                  new Result(
                      work, new Verdict.Accepted(providerEmailId, null, "confirmed_by_operator"))));
      case FAILED -> recorder.fail(work, work.attempts(), null, why, now);
      case RESEND -> {
        delivery.state = Delivery.WAITING;
        delivery.uncertainSince = null;
        delivery.failures = 0;
        delivery.nextAttemptAt = now;
        delivery.lastError = why;
      }
    }
    Log.infof("delivery of %s resolved as %s by %s", intentId, resolution, by);
  }
}
