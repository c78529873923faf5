package dev.mailgate.outbound.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Paused mailboxes. */
@ApplicationScoped
public class PauseRepository implements PanacheRepositoryBase<MailboxPause, String> {

  /** The pauses still in force at {@code now} among {@code mailboxIds}, by mailbox. */
  public Map<String, Instant> activeAmong(Collection<String> mailboxIds, Instant now) {
    if (mailboxIds.isEmpty()) {
      return Map.of();
    }
    return list("mailboxId in ?1 and resumeAt > ?2", mailboxIds, now).stream()
        .collect(Collectors.toMap(p -> p.mailboxId, p -> p.resumeAt));
  }

  public List<MailboxPause> allByMailbox() {
    return list("order by mailboxId");
  }

  /** Pauses (or extends the pause of) a mailbox. */
  public void pause(
      String mailboxId, MailboxPause.Reason reason, Instant now, Instant until, String error) {
    MailboxPause pause = findById(mailboxId);
    boolean fresh = pause == null;
    if (fresh) {
      pause = new MailboxPause();
      pause.mailboxId = mailboxId;
      pause.pausedAt = now;
    }
    pause.reason = reason;
    pause.resumeAt = until;
    pause.lastError = error;
    if (fresh) {
      persist(pause);
    }
  }

  /** Lifts the pauses of these mailboxes. */
  public void liftAll(Collection<String> mailboxIds) {
    if (!mailboxIds.isEmpty()) {
      delete("mailboxId in ?1", mailboxIds);
    }
  }

  /** Lifts a mailbox's pause; whether it had one. */
  public boolean lift(String mailboxId) {
    return deleteById(mailboxId);
  }
}
