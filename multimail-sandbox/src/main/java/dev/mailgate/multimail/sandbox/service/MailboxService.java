package dev.mailgate.multimail.sandbox.service;

import dev.mailgate.multimail.sandbox.config.MailboxSeed;
import dev.mailgate.multimail.sandbox.config.SandboxConfig;
import dev.mailgate.multimail.sandbox.domain.Mailbox;
import dev.mailgate.multimail.sandbox.domain.OversightMode;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sandbox's mailboxes, seeded from configuration. */
@ApplicationScoped
public class MailboxService {

  private final SandboxConfig config;
  private final Clock clock;
  private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();

  public MailboxService(SandboxConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    reset();
  }

  public synchronized List<Mailbox> list() {
    return List.copyOf(mailboxes.values());
  }

  /** The mailbox, or a 404 as MultiMail answers it. */
  public synchronized Mailbox get(String id) {
    Mailbox mailbox = mailboxes.get(id);
    if (mailbox == null) {
      throw SandboxException.notFound("Mailbox not found");
    }
    return mailbox;
  }

  public synchronized Mailbox upsert(
      String id, String address, String displayName, OversightMode mode) {
    Mailbox existing = mailboxes.get(id);
    Mailbox mailbox =
        new Mailbox(
            id,
            address,
            displayName,
            mode,
            existing == null ? clock.instant() : existing.createdAt());
    mailboxes.put(id, mailbox);
    return mailbox;
  }

  /** Back to the configured seed mailboxes. */
  public synchronized void reset() {
    mailboxes.clear();
    for (MailboxSeed seed : config.mailboxes()) {
      upsert(seed.id(), seed.address(), null, seed.mode());
    }
    Log.infof("Sandbox mailboxes: %s", mailboxes.keySet());
  }
}
