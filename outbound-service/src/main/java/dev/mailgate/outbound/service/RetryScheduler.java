package dev.mailgate.outbound.service;

import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.EventJson;
import dev.mailgate.outbound.config.OutboundConfig;
import dev.mailgate.outbound.domain.Delivery;
import dev.mailgate.outbound.domain.DeliveryRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Tries waiting deliveries when they are due: takes a batch under a lease (so several instances
 * share the table without trying one delivery twice at once), tries it, and records the results in
 * one transaction. A crash in between leaves the rows to be taken again when the lease ends.
 */
@ApplicationScoped
public class RetryScheduler {

  private final DeliveryRepository deliveries;
  private final Dispatcher dispatcher;
  private final OutcomeRecorder recorder;
  private final OutboundConfig.Retry config;
  private final Clock clock;
  private volatile boolean running;
  private Thread thread;

  public RetryScheduler(
      DeliveryRepository deliveries,
      Dispatcher dispatcher,
      OutcomeRecorder recorder,
      OutboundConfig config,
      Clock clock) {
    this.deliveries = deliveries;
    this.dispatcher = dispatcher;
    this.recorder = recorder;
    this.config = config.retry();
    this.clock = clock;
  }

  void start(@Observes StartupEvent event) {
    running = true;
    thread = new Thread(this::loop, "outbound-retry");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  // Its own thread rather than @Scheduled: the scheduler's floor of 1 s is too coarse for tests.
  private void loop() {
    while (running) {
      try {
        if (retryDue() < config.batchSize()) {
          Thread.sleep(config.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        Log.warnf(e, "retrying waiting deliveries failed; the next poll tries again");
        LockSupport.parkNanos(config.pollInterval().toNanos());
      }
    }
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
    List<Result> results = dispatcher.run(works, Map.of());
    QuarkusTransaction.requiringNew().run(() -> recorder.record(results));
    return works.size();
  }

  private static Work work(Delivery delivery) {
    try {
      ApprovedEmail email = EventJson.mapper().readValue(delivery.payload, ApprovedEmail.class);
      return new Work(
          email, delivery.eventId, delivery.payload, delivery.attempts, delivery.failures, true);
    } catch (IOException e) {
      // It was read once before it was parked; the bytes cannot have changed.
      throw new IllegalStateException("waiting delivery " + delivery.intentId + " unreadable", e);
    }
  }
}
