package dev.mailgate.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox as operators see it: readiness DOWN once the relay has failed to publish for longer
 * than {@code stuck-after}; gauges for the backlog, the age of its oldest row and parked rows.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

  private final OutboxRelayRunner relay;
  private final DataSource dataSource;
  private final OutboxStore store = new OutboxStore();

  private final Clock clock;

  public OutboxHealth(
      OutboxRelayRunner relay, DataSource dataSource, MeterRegistry registry, Clock clock) {
    this.clock = clock;
    this.relay = relay;
    this.dataSource = dataSource;
    Gauge.builder("mailgate.outbox.backlog", this, h -> h.read(Figure.BACKLOG))
        .description("outbox rows waiting to be published")
        .register(registry);
    Gauge.builder("mailgate.outbox.oldest.age", this, h -> h.read(Figure.OLDEST_AGE))
        .description("seconds the oldest waiting outbox row has waited")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("mailgate.outbox.parked.rows", this, h -> h.read(Figure.PARKED))
        .description("records the broker refused for good, set aside")
        .register(registry);
    Gauge.builder("mailgate.outbox.failing", this, h -> h.failingSeconds())
        .description("seconds the relay has failed to publish (0 while it works)")
        .baseUnit("seconds")
        .register(registry);
  }

  @Override
  public HealthCheckResponse call() {
    Instant since = relay.failingSince();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox relay");
    if (since != null) {
      response.withData("failing since", since.toString());
    }
    return response.status(!relay.isStuck(clock.instant())).build();
  }

  private double failingSeconds() {
    Instant since = relay.failingSince();
    return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / 1000.0;
  }

  private enum Figure {
    BACKLOG,
    OLDEST_AGE,
    PARKED
  }

  private double read(Figure figure) {
    try (Connection connection = dataSource.getConnection()) {
      return switch (figure) {
        case BACKLOG -> store.backlog(connection);
        case PARKED -> store.parkedCount(connection);
        case OLDEST_AGE -> {
          Instant oldest = store.oldest(connection);
          yield oldest == null ? 0 : Duration.between(oldest, clock.instant()).toMillis() / 1000.0;
        }
      };
    } catch (Exception e) {
      return Double.NaN;
    }
  }
}
