package dev.mailgate.inboxpoller.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The timer state of one mailbox in this instance: at most one poll runs at a time, a trigger
 * during a poll asks for one more right after it, and a backoff deadline no trigger may jump.
 */
final class MailboxSchedule {

  final String mailboxId;
  final Duration interval;
  final Duration jitter;
  private Runnable cancelNext;
  private boolean busy;
  private boolean again;
  private Instant notBefore = Instant.MIN;

  MailboxSchedule(String mailboxId, Duration interval, Duration jitter) {
    this.mailboxId = mailboxId;
    this.interval = interval;
    this.jitter = jitter;
  }

  /** Claims the mailbox for a poll; false (and a poll requested afterwards) when one is running. */
  synchronized boolean begin() {
    if (busy) {
      again = true;
      return false;
    }
    busy = true;
    again = false;
    return true;
  }

  /** Ends the poll; true when a trigger arrived meanwhile. */
  synchronized boolean end() {
    busy = false;
    boolean requested = again;
    again = false;
    return requested;
  }

  /** Replaces the pending timer with one that {@code cancel} stops. */
  synchronized void next(Runnable cancel) {
    cancel();
    cancelNext = cancel;
  }

  synchronized void cancel() {
    if (cancelNext != null) {
      cancelNext.run();
      cancelNext = null;
    }
  }

  /** The pause after a successful poll: the interval plus a random part of the jitter. */
  Duration afterSuccess() {
    return interval.plusMillis(
        (long) (jitter.toMillis() * ThreadLocalRandom.current().nextDouble()));
  }

  synchronized void backOffUntil(Instant instant) {
    notBefore = instant;
  }

  /** How long a trigger at {@code now} must wait: until the backoff ends, else not at all. */
  synchronized Duration waitForTrigger(Instant now) {
    Duration left = Duration.between(now, notBefore);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Asks for a poll once the running one ends; false when none is running. */
  synchronized boolean requestAgainIfBusy() {
    if (busy) {
      again = true;
    }
    return busy;
  }
}
