package dev.mailgate.inboxpoller.api;

import dev.mailgate.inboxpoller.config.PollerConfig;
import dev.mailgate.inboxpoller.service.MailboxHealth;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN when polls are failing and no mailbox has polled successfully for longer than {@code
 * mailgate.poller.unhealthy-after} (keep it above the longest interval); lists each mailbox's lag
 * and failures in a row.
 */
@Readiness
@ApplicationScoped
public class PollingReadiness implements HealthCheck {

  private final MailboxHealth health;
  private final Duration unhealthyAfter;

  public PollingReadiness(MailboxHealth health, PollerConfig config) {
    this.health = health;
    this.unhealthyAfter = config.unhealthyAfter();
  }

  @Override
  public HealthCheckResponse call() {
    List<MailboxHealth.Status> mailboxes = health.all();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("MultiMail polling");
    for (MailboxHealth.Status s : mailboxes) {
      response.withData(
          s.mailboxId(),
          "lag " + s.lag().toSeconds() + " s, failures in a row " + s.failuresInARow());
    }
    boolean down =
        mailboxes.stream().anyMatch(s -> s.failuresInARow() > 0)
            && mailboxes.stream().allMatch(s -> s.lag().compareTo(unhealthyAfter) > 0);
    return response.status(!down).build();
  }
}
