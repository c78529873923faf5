package dev.mailgate.outbound.service;

import dev.mailgate.outbound.domain.DeliveryRepository;
import dev.mailgate.outbound.domain.MailboxPause;
import dev.mailgate.outbound.domain.PauseRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Operator actions on paused mailboxes. */
@ApplicationScoped
public class MailboxControl {

  /** A paused mailbox as operators see it. */
  public record Paused(
      String mailboxId,
      String reason,
      Instant pausedAt,
      Instant resumeAt,
      String lastError,
      long waiting) {}

  /** What a resume did. */
  public record Resumed(String mailboxId, boolean wasPaused, String reason, long released) {}

  private final PauseRepository pauses;
  private final DeliveryRepository deliveries;
  private final Clock clock;

  public MailboxControl(PauseRepository pauses, DeliveryRepository deliveries, Clock clock) {
    this.pauses = pauses;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  /** Lifts the pause and makes every waiting delivery of the mailbox due now. */
  @Transactional
  public Resumed resume(String mailboxId, String operator) {
    MailboxPause pause = pauses.findById(mailboxId);
    String reason = pause == null ? null : pause.reason.name().toLowerCase(java.util.Locale.ROOT);
    pauses.lift(mailboxId);
    int released = deliveries.releaseMailbox(mailboxId, clock.instant());
    Log.infof("%s resumed mailbox %s (%s, %d waiting)", operator, mailboxId, reason, released);
    return new Resumed(mailboxId, pause != null, reason, released);
  }

  @Transactional
  public List<Paused> paused() {
    return pauses.allByMailbox().stream()
        .map(
            p ->
                new Paused(
                    p.mailboxId,
                    p.reason.name().toLowerCase(java.util.Locale.ROOT),
                    p.pausedAt,
                    p.resumeAt,
                    p.lastError,
                    deliveries.countWaiting(p.mailboxId)))
        .toList();
  }
}
