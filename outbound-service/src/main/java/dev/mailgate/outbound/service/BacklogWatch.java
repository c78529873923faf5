package dev.mailgate.outbound.service;

import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.error.MultiMailException;
import dev.mailgate.outbound.config.OutboundConfig;
import dev.mailgate.outbound.domain.DeliveryRepository;
import dev.mailgate.outbound.domain.PauseRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every few seconds: refreshes the backlog gauges, and when no delivery has called MultiMail for a
 * while, asks it once ({@code GET /v1/account}) so readiness reflects reality on an idle service.
 */
@ApplicationScoped
public class BacklogWatch {

  private final DeliveryRepository deliveries;
  private final PauseRepository pauses;
  private final DeliveryMetrics metrics;
  private final Reachability reachability;
  private final MultiMailClient client;
  private final OutboundConfig.Health health;

  public BacklogWatch(
      DeliveryRepository deliveries,
      PauseRepository pauses,
      DeliveryMetrics metrics,
      Reachability reachability,
      MultiMailClient client,
      OutboundConfig config) {
    this.deliveries = deliveries;
    this.pauses = pauses;
    this.metrics = metrics;
    this.reachability = reachability;
    this.client = client;
    this.health = config.health();
  }

  @Scheduled(
      identity = "outbound-backlog",
      every = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void watch() {
    QuarkusTransaction.requiringNew()
        .run(() -> metrics.backlog(pauses.count(), deliveries.count()));
    if (health.probeWhenIdle() && reachability.idleFor(health.probeInterval())) {
      try {
        client.getAccount();
        reachability.answered(200);
      } catch (MultiMailException e) {
        if (e.status() == 0) {
          reachability.noAnswer(e.getMessage());
        } else {
          reachability.answered(e.status());
        }
      }
    }
  }
}
