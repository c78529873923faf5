package dev.mailgate.agent;

import java.util.EnumSet;
import java.util.Set;

/** What became of an intent, from its decisions ({@code mail.decisions}) and outcomes. */
public enum IntentStatus {
  ACCEPTED,
  /** Queued for a human reviewer. */
  HELD,
  CONFLICT,
  APPROVED,
  REJECTED,
  DUPLICATE,
  EXPIRED,
  INVALID,
  /** MultiMail accepted the email (outcome {@code accepted}). */
  SENT,
  RETRYING,
  QUOTA_EXHAUSTED,
  FAILED,
  /** Nothing (more) arrived before the timeout. */
  TIMED_OUT;

  /** Nothing follows these. */
  public static final Set<IntentStatus> FINAL =
      EnumSet.of(REJECTED, DUPLICATE, EXPIRED, INVALID, SENT, FAILED);

  /** Final, or waiting on a human or the quota: where an agent usually stops waiting. */
  public static final Set<IntentStatus> SETTLED =
      EnumSet.of(
          REJECTED, DUPLICATE, EXPIRED, INVALID, SENT, FAILED, HELD, CONFLICT, QUOTA_EXHAUSTED);

  public boolean isFinal() {
    return FINAL.contains(this);
  }
}
