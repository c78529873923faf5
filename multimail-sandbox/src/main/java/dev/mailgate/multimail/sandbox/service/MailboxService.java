package dev.mailgate.multimail.sandbox.service;

import dev.mailgate.multimail.sandbox.config.MailboxSeed;
import dev.mailgate.multimail.sandbox.config.SandboxConfig;
import dev.mailgate.multimail.sandbox.domain.Mailbox;
import dev.mailgate.multimail.sandbox.domain.OversightMode;
import dev.mailgate.multimail.sandbox.domain.SandboxException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's mailboxes, seeded from configuration, and MultiMail's trust ladder for their modes:
 * a mode is lowered at once; raising it takes a request, a code MultiMail emails the operator
 * (here: logged and readable through the test controls), and the code, within 24 hours.
 */
@ApplicationScoped
public class MailboxService {

  /** A requested raise of a mailbox's mode, waiting for the operator's code. */
  public record PendingUpgrade(OversightMode target, String code, Instant expiresAt) {}

  private static final Duration CODE_LIFETIME = Duration.ofHours(24);
  private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final SandboxConfig config;
  private final Clock clock;
  private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
  private final Map<String, PendingUpgrade> upgrades = new HashMap<>();
  private final SecureRandom random = new SecureRandom();

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

  /** {@code PATCH /v1/mailboxes/{id}}: a mode is only lowered this way. */
  public synchronized Mailbox lowerMode(String id, OversightMode mode) {
    Mailbox mailbox = get(id);
    if (mode.ordinal() > mailbox.mode().ordinal()) {
      throw SandboxException.badRequest(
          "oversight_mode can only be lowered here; raise it with request-upgrade");
    }
    upgrades.remove(id);
    return upsert(id, mailbox.address(), mailbox.displayName(), mode);
  }

  /** {@code POST /v1/mailboxes/{id}/request-upgrade}: the operator is sent a code. */
  public synchronized PendingUpgrade requestUpgrade(String id, OversightMode target) {
    Mailbox mailbox = get(id);
    if (target.ordinal() <= mailbox.mode().ordinal()) {
      throw SandboxException.badRequest(
          target == mailbox.mode()
              ? "Mailbox is already " + target.wire()
              : "target_mode must be above the current mode " + mailbox.mode().wire());
    }
    PendingUpgrade pending =
        new PendingUpgrade(target, code(), clock.instant().plus(CODE_LIFETIME));
    upgrades.put(id, pending);
    Log.infof(
        "Sandbox: the operator's code to raise %s to %s is %s", id, target.wire(), pending.code());
    return pending;
  }

  /** {@code POST /v1/mailboxes/{id}/upgrade}: the operator's code applies the requested mode. */
  public synchronized Mailbox upgrade(String id, String code) {
    Mailbox mailbox = get(id);
    PendingUpgrade pending = upgrades.get(id);
    if (pending == null || !pending.expiresAt().isAfter(clock.instant())) {
      upgrades.remove(id);
      throw SandboxException.notFound("No pending upgrade request");
    }
    if (code == null
        || !MessageDigest.isEqual(
            pending.code().getBytes(StandardCharsets.UTF_8),
            code.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
      throw new SandboxException(403, "Invalid upgrade code");
    }
    upgrades.remove(id);
    return upsert(id, mailbox.address(), mailbox.displayName(), pending.target());
  }

  /** The code MultiMail would have emailed the operator, for the test controls. */
  public synchronized Optional<PendingUpgrade> pendingUpgrade(String id) {
    return Optional.ofNullable(upgrades.get(id));
  }

  private String code() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      if (i == 3) {
        code.append('-');
      }
      code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
    }
    return code.toString();
  }

  /** Back to the configured seed mailboxes. */
  public synchronized void reset() {
    upgrades.clear();
    mailboxes.clear();
    for (MailboxSeed seed : config.mailboxes()) {
      upsert(seed.id(), seed.address(), null, seed.mode());
    }
    Log.infof("Sandbox mailboxes: %s", mailboxes.keySet());
  }
}
