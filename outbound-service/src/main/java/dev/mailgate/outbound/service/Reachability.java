package dev.mailgate.outbound.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether MultiMail answers: since when it has not (no answer, or only 5xx), and when it last did.
 * Fed by every call; read by the readiness check.
 */
@ApplicationScoped
public class Reachability {

  /** The state at one moment. */
  public record State(Instant lastAnswer, Instant unreachableSince, String lastError) {

    public Optional<Duration> downFor(Instant now) {
      return Optional.ofNullable(unreachableSince).map(since -> Duration.between(since, now));
    }
  }

  private final Clock clock;
  private Instant lastContact;
  private Instant lastAnswer;
  private Instant unreachableSince;
  private String lastError;

  public Reachability(Clock clock) {
    this.clock = clock;
  }

  /** MultiMail answered with {@code status}; a 5xx counts as not reachable. */
  public synchronized void answered(int status) {
    Instant now = clock.instant();
    lastContact = now;
    if (status >= 500) {
      markDown(now, "MultiMail answered " + status);
      return;
    }
    lastAnswer = now;
    unreachableSince = null;
    lastError = null;
  }

  /** A call got no answer (timeout, refused, reset). */
  public synchronized void noAnswer(String error) {
    Instant now = clock.instant();
    lastContact = now;
    markDown(now, error);
  }

  public synchronized State state() {
    return new State(lastAnswer, unreachableSince, lastError);
  }

  /** Whether nothing was asked of MultiMail for {@code idle}. */
  public synchronized boolean idleFor(Duration idle) {
    return lastContact == null || lastContact.plus(idle).isBefore(clock.instant());
  }

  private void markDown(Instant now, String error) {
    if (unreachableSince == null) {
      unreachableSince = now;
    }
    lastError = error;
  }
}
