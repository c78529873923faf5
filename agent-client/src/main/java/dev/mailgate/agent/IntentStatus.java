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
  /** After {@link #SENT}: MultiMail reports it delivered. */
  DELIVERED,
  /** After {@link #SENT}: it bounced; the outcome's {@code error} has the bounce type. */
  BOUNCED,
  /** After {@link #SENT}: MultiMail's own reviewer holds it (the mailbox is gated there too). */
  HELD_BY_PROVIDER,
  /** After {@link #SENT}: MultiMail did not send it (its reviewer rejected it, or it failed). */
  REJECTED_BY_PROVIDER,
  /** Nothing (more) arrived before the timeout. */
  TIMED_OUT;

  /**
   * Nothing MailGate decides follows these. After {@link #SENT}, MultiMail's own verdict may still
   * follow ({@link #DELIVERED}, {@link #BOUNCED}, {@link #HELD_BY_PROVIDER}, {@link
   * #REJECTED_BY_PROVIDER}) for those who keep following.
   */
  public static final Set<IntentStatus> FINAL =
      EnumSet.of(
          REJECTED,
          DUPLICATE,
          EXPIRED,
          INVALID,
          SENT,
          FAILED,
          DELIVERED,
          BOUNCED,
          REJECTED_BY_PROVIDER);

  /** Final, or waiting on a human or the quota: where an agent usually stops waiting. */
  public static final Set<IntentStatus> SETTLED = settled();

  public boolean isFinal() {
    return FINAL.contains(this);
  }

  private static Set<IntentStatus> settled() {
    Set<IntentStatus> settled = EnumSet.copyOf(FINAL);
    settled.addAll(EnumSet.of(HELD, CONFLICT, QUOTA_EXHAUSTED, HELD_BY_PROVIDER));
    return settled;
  }
}
