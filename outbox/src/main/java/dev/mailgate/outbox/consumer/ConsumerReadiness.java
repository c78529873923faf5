package dev.mailgate.outbox.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while any consumer waits for the database or broker to come back; UP again by itself. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

  private final Infrastructure infrastructure;

  public ConsumerReadiness(Infrastructure infrastructure) {
    this.infrastructure = infrastructure;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers");
    var waits = infrastructure.waits();
    waits.forEach(
        (who, wait) ->
            response.withData(who, "waiting since " + wait.since() + ": " + wait.cause()));
    return response.status(waits.isEmpty()).build();
  }
}
