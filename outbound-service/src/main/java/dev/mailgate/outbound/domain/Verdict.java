package dev.mailgate.outbound.domain;

import dev.mailgate.multimail.client.error.MultiMailException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** What one try of a delivery came to, or why it was not tried. */
public sealed interface Verdict {

  /** MultiMail took the email, or recognised its idempotency key ({@code already_sent}). */
  record Accepted(String providerEmailId, String threadId, String providerStatus)
      implements Verdict {}

  /** MultiMail refused it for good (400, 403, 404, 409, ...), or it can never be sent. */
  record Permanent(int httpStatus, String error) implements Verdict {}

  /**
   * 5xx, timeout, connection error, an unreadable success or a rejected key: the same call may
   * succeed later. {@code mayHaveBeenApplied}: MultiMail may have sent it anyway.
   */
  record Transient(
      MultiMailException.Kind cause,
      Integer httpStatus,
      String error,
      Optional<Duration> retryAfter,
      boolean mayHaveBeenApplied)
      implements Verdict {

    /** The cause as a metric tag. */
    public String tag() {
      return cause.name().toLowerCase(Locale.ROOT);
    }
  }

  /** 429 rate limit: the mailbox waits for {@code Retry-After}. */
  record RateLimited(String error, Optional<Duration> retryAfter) implements Verdict {}

  /** 429 quota: the mailbox waits until MultiMail accepts again or an operator resumes it. */
  record QuotaExhausted(String error, Optional<Duration> retryAfter) implements Verdict {}

  /** Not tried now: its mailbox is paused, or an earlier delivery of the mailbox just failed. */
  record Deferred(Instant until) implements Verdict {}

  /**
   * Not tried: a try at {@code uncertainSince} may have reached MultiMail and its idempotency
   * window is over, so another try could send a second email. An operator decides.
   */
  record Unknown(Instant uncertainSince) implements Verdict {}

  /** Whether later deliveries of the same mailbox should wait instead of being tried now. */
  default boolean holdsMailbox() {
    return this instanceof Transient
        || this instanceof RateLimited
        || this instanceof QuotaExhausted
        || this instanceof Deferred;
  }
}
