package dev.mailgate.audit.api;

import dev.mailgate.audit.service.ChainSelfCheck;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The last chain self-check, under /q/health/well (and /q/health). A wellness check, not readiness:
 * a broken chain is evidence to investigate, and the service must keep recording.
 */
@Wellness
@ApplicationScoped
public class ChainHealthCheck implements HealthCheck {

  private final ChainSelfCheck selfCheck;

  public ChainHealthCheck(ChainSelfCheck selfCheck) {
    this.selfCheck = selfCheck;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("audit-chains").up();
    selfCheck
        .last()
        .ifPresentOrElse(
            result -> {
              response
                  .withData("checked_at", result.at().toString())
                  .withData("chains", result.chains())
                  .withData("rows_verified", result.rows())
                  .withData("broken", result.broken());
              result.brokenChains().stream()
                  .limit(20)
                  .forEach(
                      r ->
                          response.withData(
                              "broken_" + r.chain(),
                              r.firstBreak().kind().wire()
                                  + " at position "
                                  + r.firstBreak().position()));
              if (result.broken() > 0) {
                response.down();
              }
            },
            () -> response.withData("checked_at", "not yet"));
    return response.build();
  }
}
