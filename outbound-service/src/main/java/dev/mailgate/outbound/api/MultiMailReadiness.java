package dev.mailgate.outbound.api;

import dev.mailgate.outbound.config.OutboundConfig;
import dev.mailgate.outbound.service.Reachability;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once MultiMail has not answered (or only with 5xx) for longer than the threshold. */
@Readiness
@ApplicationScoped
public class MultiMailReadiness implements HealthCheck {

  private final Reachability reachability;
  private final Duration threshold;
  private final Clock clock;

  public MultiMailReadiness(Reachability reachability, OutboundConfig config, Clock clock) {
    this.reachability = reachability;
    this.threshold = config.health().unreachableThreshold();
    this.clock = clock;
  }

  @Override
  public HealthCheckResponse call() {
    Reachability.State state = reachability.state();
    Duration down = state.downFor(clock.instant()).orElse(Duration.ZERO);
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("multimail").status(down.compareTo(threshold) <= 0);
    if (state.lastAnswer() != null) {
      response.withData("last_answer", state.lastAnswer().toString());
    }
    if (state.unreachableSince() != null) {
      response.withData("unreachable_since", state.unreachableSince().toString());
      response.withData("last_error", String.valueOf(state.lastError()));
    }
    return response.build();
  }
}
