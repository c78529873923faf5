package dev.mailgate.outbound.service;

import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Topics;
import dev.mailgate.outbound.config.OutboundConfig;
import dev.mailgate.outbound.domain.Delivery;
import dev.mailgate.outbound.domain.DeliveryRepository;
import dev.mailgate.outbound.domain.Verdict;
import dev.mailgate.outbox.consumer.Infrastructure;
import dev.mailgate.outbox.consumer.RecordRef;
import dev.mailgate.outbox.loop.WakeableLoop;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Tries waiting deliveries when they are due: takes a batch under a lease (so several instances
 * share the table without trying one delivery twice at once), tries it, and records the results in
 * one transaction. A crash in between leaves the rows to be taken again when the lease ends. A
 * delivery whose earlier try may have reached MultiMail is not tried once MultiMail's idempotency
 * window is (nearly) over: it becomes {@code unknown} for an operator.
 */
@ApplicationScoped
public class RetryScheduler {

  private final DeliveryRepository deliveries;
  private final Dispatcher dispatcher;
  private final OutcomeRecorder recorder;
  private final Infrastructure infrastructure;
  private final OutboundConfig.Retry config;
  private final Clock clock;
  private final ManagedExecutor executor;
  private final WakeableLoop loop;

  public RetryScheduler(
      DeliveryRepository deliveries,
      Dispatcher dispatcher,
      OutcomeRecorder recorder,
      Infrastructure infrastructure,
      OutboundConfig config,
      Clock clock,
      ManagedExecutor executor) {
    this.deliveries = deliveries;
    this.dispatcher = dispatcher;
    this.recorder = recorder;
    this.infrastructure = infrastructure;
    this.config = config.retry();
    this.clock = clock;
    this.executor = executor;
    // The scheduler extension's floor of 1 s is too coarse for the tests' short backoffs.
    this.loop =
        new WakeableLoop(
            "outbound-retry",
            this.config.pollInterval(),
            Duration.ofSeconds(10),
            () -> retryDue() >= this.config.batchSize());
  }

  void start(@Observes StartupEvent event) {
    loop.start(executor);
  }

  void stop(@Observes ShutdownEvent event) {
    loop.stop(Duration.ofSeconds(5));
  }

  /** Tries one batch of due deliveries; returns how many were taken. */
  public int retryDue() {
    Instant now = clock.instant();
    List<Work> works =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    deliveries.claimDue(now, now.plus(config.lease()), config.batchSize()).stream()
                        .map(RetryScheduler::work)
                        .toList());
    if (works.isEmpty()) {
      return 0;
    }
    Instant uncertainLimit = now.minus(config.idempotencyWindow()).plus(config.idempotencyMargin());
    List<Work> toTry = new ArrayList<>();
    List<Result> results = new ArrayList<>();
    for (Work work : works) {
      if (work.uncertainSince() != null && !work.uncertainSince().isAfter(uncertainLimit)) {
        results.add(new Result(work, new Verdict.Unknown(work.uncertainSince())));
      } else {
        toTry.add(work);
      }
    }
    results.addAll(dispatcher.run(toTry, Map.of()));
    infrastructure.retrying(
        "outbound-service retries",
        () -> QuarkusTransaction.requiringNew().run(() -> recorder.record(results)));
    return works.size();
  }

  static Work work(Delivery delivery) {
    try {
      ApprovedEmail email = EventJson.mapper().readValue(delivery.payload, ApprovedEmail.class);
      RecordRef source =
          new RecordRef(
              Topics.APPROVED,
              delivery.sourcePartition,
              delivery.sourceOffset,
              0,
              delivery.mailboxId,
              delivery.sourceHeaders);
      return new Work(
          email,
          source,
          delivery.payload,
          delivery.attempts,
          delivery.failures,
          delivery.uncertainSince,
          true);
    } catch (IOException e) {
      // It was read once before it was parked; the bytes cannot have changed.
      throw new IllegalStateException("waiting delivery " + delivery.intentId + " unreadable", e);
    }
  }
}
