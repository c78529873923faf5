package dev.mailgate.outbound.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What one try of a delivery came to, or why it was not tried. */
public sealed interface Verdict {

  /** MultiMail took the email, or recognised its idempotency key ({@code already_sent}). */
  record Accepted(String providerEmailId, String threadId, String providerStatus)
      implements Verdict {}

  /** MultiMail refused it for good (400, 403, 404, 409, ...). */
  record Permanent(int httpStatus, String error) implements Verdict {}

  /** 5xx, timeout, connection error or an unreadable success: the same call may succeed later. */
  record Transient(Cause cause, Integer httpStatus, String error, Optional<Duration> retryAfter)
      implements Verdict {}

  /** 429 rate limit: the mailbox waits for {@code Retry-After}. */
  record RateLimited(String error, Optional<Duration> retryAfter) implements Verdict {}

  /** 429 quota: the mailbox waits until MultiMail accepts again or an operator resumes it. */
  record QuotaExhausted(String error, Optional<Duration> retryAfter) implements Verdict {}

  /** Not tried now: its mailbox is paused, or an earlier delivery of the mailbox just failed. */
  record Deferred(Instant until) implements Verdict {}

  /** Why a transient failure happened; a metric tag. */
  enum Cause {
    SERVER_ERROR,
    TIMEOUT,
    CONNECTION,
    UNAUTHORIZED,
    UNREADABLE_ANSWER;

    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether later deliveries of the same mailbox should wait instead of being tried now. */
  default boolean holdsMailbox() {
    return !(this instanceof Accepted) && !(this instanceof Permanent);
  }
}
