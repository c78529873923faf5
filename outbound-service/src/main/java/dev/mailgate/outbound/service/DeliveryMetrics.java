package dev.mailgate.outbound.service;

import dev.mailgate.outbound.domain.Verdict;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics: {@code mailgate_outbound_deliveries_total{outcome}}, {@code
 * mailgate_outbound_retries_total{cause}}, {@code mailgate_outbound_call_seconds{verdict}}, and the
 * gauges {@code mailgate_outbound_paused_mailboxes} and {@code
 * mailgate_outbound_waiting_deliveries}.
 */
@ApplicationScoped
public class DeliveryMetrics {

  private final MeterRegistry registry;
  private final AtomicLong paused = new AtomicLong();
  private final AtomicLong waiting = new AtomicLong();

  public DeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge("mailgate.outbound.paused.mailboxes", paused);
    registry.gauge("mailgate.outbound.waiting.deliveries", waiting);
  }

  /** A final or announced outcome: accepted, failed, quota_exhausted. */
  public void outcome(String status) {
    registry.counter("mailgate.outbound.deliveries", "outcome", status).increment();
  }

  /** A retry was scheduled. */
  public void retry(String cause) {
    registry.counter("mailgate.outbound.retries", "cause", cause).increment();
  }

  /** One call to MultiMail and how long it took. */
  public void called(Verdict verdict, long nanos) {
    Timer.builder("mailgate.outbound.call")
        .description("MultiMail send/reply latency")
        .tag("verdict", verdict.getClass().getSimpleName().toLowerCase(Locale.ROOT))
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  public void backlog(long pausedMailboxes, long waitingDeliveries) {
    paused.set(pausedMailboxes);
    waiting.set(waitingDeliveries);
  }
}
