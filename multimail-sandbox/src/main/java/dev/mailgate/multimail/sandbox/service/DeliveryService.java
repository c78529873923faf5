package dev.mailgate.multimail.sandbox.service;

import dev.mailgate.multimail.sandbox.domain.Delivery;
import dev.mailgate.multimail.sandbox.domain.DeliveryLog;
import dev.mailgate.multimail.sandbox.domain.Email;
import dev.mailgate.multimail.sandbox.domain.EmailStore;
import dev.mailgate.multimail.sandbox.domain.Hashing;
import dev.mailgate.multimail.sandbox.domain.UsageCounters;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * "Delivers" an outbound email: marks it sent and records it where tests can count it. An email to
 * any address in the reserved {@code .invalid} top-level domain (RFC 2606) bounces: it is sent, has
 * no {@code delivered_at}, and carries {@code bounced_at} with the bounce type {@code hard}.
 */
@ApplicationScoped
public class DeliveryService {

  private final EmailStore store;
  private final DeliveryLog log;
  private final UsageCounters usage;
  private final Clock clock;

  public DeliveryService(EmailStore store, DeliveryLog log, UsageCounters usage, Clock clock) {
    this.store = store;
    this.log = log;
    this.usage = usage;
    this.clock = clock;
  }

  public Email deliver(Email email) {
    Instant now = clock.instant();
    Email sent =
        store.update(email.id(), e -> bounces(e) ? e.bounced(now, "hard") : e.delivered(now));
    log.add(
        new Delivery(
            sent.id(),
            sent.mailboxId(),
            sent.inReplyTo() == null ? "send" : "reply",
            sent.idempotencyKey(),
            sent.to(),
            sent.cc(),
            sent.bcc(),
            sent.subject(),
            sent.markdown(),
            Hashing.sha256Hex(sent.markdown()),
            now));
    usage.sent();
    Log.debugf("Delivered %s from mailbox %s", sent.id(), sent.mailboxId());
    return sent;
  }

  private static boolean bounces(Email email) {
    return Stream.of(email.to(), email.cc(), email.bcc())
        .flatMap(List::stream)
        .anyMatch(address -> address.toLowerCase(Locale.ROOT).endsWith(".invalid"));
  }
}
