package dev.mailgate.multimail.sandbox.service;

import dev.mailgate.multimail.sandbox.domain.Direction;
import dev.mailgate.multimail.sandbox.domain.Email;
import dev.mailgate.multimail.sandbox.domain.EmailStatus;
import dev.mailgate.multimail.sandbox.domain.EmailStore;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import dev.mailgate.multimail.sandbox.domain.UsageCounters;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** The oversight queue: held outbound (gated modes) and held inbound (gated_all). */
@ApplicationScoped
public class OversightService {

  private final EmailStore store;
  private final DeliveryService delivery;
  private final WebhookService webhooks;
  private final UsageCounters usage;
  private final Clock clock;

  public OversightService(
      EmailStore store,
      DeliveryService delivery,
      WebhookService webhooks,
      UsageCounters usage,
      Clock clock) {
    this.store = store;
    this.delivery = delivery;
    this.webhooks = webhooks;
    this.usage = usage;
    this.clock = clock;
  }

  public List<Email> pending() {
    return store.pending();
  }

  /**
   * Approves or rejects; answers {@code approved_and_sent}, {@code approved} or {@code rejected}.
   */
  public synchronized String decide(String emailId, String action, String reason) {
    if (emailId == null || emailId.isBlank()) {
      throw SandboxException.badRequest("email_id is required");
    }
    if (!"approve".equals(action) && !"reject".equals(action)) {
      throw SandboxException.badRequest("action must be approve or reject");
    }
    Email email =
        store
            .find(emailId)
            .filter(e -> e.status().isPending())
            .orElseThrow(() -> SandboxException.notFound("No pending email with this id"));
    usage.oversightAction();
    Log.infof("Oversight %s on %s (reason: %s)", action, emailId, reason);
    if ("reject".equals(action)) {
      store.update(emailId, e -> e.withStatus(EmailStatus.REJECTED));
      return "rejected";
    }
    if (email.direction() == Direction.OUTBOUND) {
      store.update(emailId, e -> e.approved(clock.instant(), e.status()));
      delivery.deliver(email);
      return "approved_and_sent";
    }
    Email released = store.update(emailId, e -> e.approved(clock.instant(), EmailStatus.UNREAD));
    webhooks.emailReceived(released);
    return "approved";
  }
}
