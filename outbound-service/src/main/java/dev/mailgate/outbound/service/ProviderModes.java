package dev.mailgate.outbound.service;

import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.model.Mailbox;
import dev.mailgate.outbound.config.OutboundConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * At start, reads every mailbox's oversight mode at MultiMail and warns about those where MultiMail
 * would stop what MailGate approved: {@code gated_send} and {@code gated_all} hold it for
 * MultiMail's own reviewer (every mailbox starts in {@code gated_send} there), {@code read_only}
 * refuses it. Counted in {@code mailgate_outbound_provider_gated_mailboxes}. MultiMail being down
 * only skips the check; sent mail that MultiMail holds is reported as {@code held_by_provider}
 * anyway.
 */
@ApplicationScoped
public class ProviderModes {

  private final MultiMailClient client;
  private final ManagedExecutor executor;
  private final boolean enabled;
  private final AtomicInteger gated = new AtomicInteger();

  public ProviderModes(
      MultiMailClient client,
      ManagedExecutor executor,
      OutboundConfig config,
      MeterRegistry registry) {
    this.client = client;
    this.executor = executor;
    this.enabled = config.follow().checkModes();
    registry.gauge("mailgate.outbound.provider.gated.mailboxes", gated);
  }

  void start(@Observes StartupEvent event) {
    if (enabled) {
      executor.execute(this::check);
    }
  }

  /** Reads the modes now; returns the warnings it logged. */
  public List<String> check() {
    List<Mailbox> mailboxes;
    try {
      mailboxes = client.listMailboxes();
    } catch (RuntimeException e) {
      Log.infof(
          "could not read the mailboxes' modes at MultiMail (%s): not checked", e.getMessage());
      return List.of();
    }
    List<String> warnings =
        mailboxes.stream().map(ProviderModes::warning).flatMap(Optional::stream).toList();
    warnings.forEach(Log::warn);
    gated.set(warnings.size());
    return warnings;
  }

  /** What an operator must know about this mailbox's mode at MultiMail, if anything. */
  static Optional<String> warning(Mailbox mailbox) {
    if (mailbox.oversightMode() == null) {
      return Optional.empty();
    }
    String name = mailbox.id() + " (" + mailbox.address() + ")";
    return switch (mailbox.oversightMode()) {
      case GATED_SEND, GATED_ALL ->
          Optional.of(
              "mailbox "
                  + name
                  + " is "
                  + mailbox.oversightMode().wire()
                  + " at MultiMail: mail MailGate approves waits for MultiMail's reviewer too"
                  + " (agents see held_by_provider). To let MailGate decide, raise the mode at"
                  + " MultiMail through its trust ladder (request-upgrade, then the operator's"
                  + " code) to monitored or autonomous.");
      case READ_ONLY ->
          Optional.of(
              "mailbox "
                  + name
                  + " is read_only at MultiMail: every email MailGate approves for it will fail.");
      default -> Optional.empty();
    };
  }
}
