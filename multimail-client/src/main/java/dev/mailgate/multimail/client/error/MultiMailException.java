package dev.mailgate.multimail.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to MultiMail that did not succeed. Keeps the HTTP status (0 when no response arrived),
 * MultiMail's {@code error} text and the {@code Retry-After} it sent. Never carries the API key.
 */
public abstract class MultiMailException extends RuntimeException {

  private final int status;
  private final String error;
  private final Duration retryAfter;

  protected MultiMailException(
      String message, int status, String error, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.error = error;
    this.retryAfter = retryAfter;
  }

  /** HTTP status MultiMail answered with, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** MultiMail's {@code error} text, or the raw body when it was not MultiMail-shaped JSON. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** How long MultiMail asked us to wait ({@code Retry-After}), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the same call may succeed later without changing it. */
  public abstract boolean isRetriable();

  /** What kind of failure this is; what a caller does about it follows from the kind. */
  public abstract Kind kind();

  /**
   * Whether MultiMail may have carried out the call although it failed (a timeout, a 5xx, a lost
   * connection after the request went out): repeating it is safe only with the same idempotency
   * key, within MultiMail's window for it.
   */
  public boolean mayHaveBeenApplied() {
    return switch (kind()) {
      case SERVER_ERROR, TIMEOUT, UNREADABLE_ANSWER, CONNECTION -> true;
      default -> false;
    };
  }

  /** The kinds of failure. */
  public enum Kind {
    /** 429 for the monthly quota: nothing more goes out until it resets. */
    QUOTA_EXHAUSTED,
    /** 429 rate limit: wait for {@code Retry-After}. */
    RATE_LIMITED,
    /** 5xx. */
    SERVER_ERROR,
    /** No answer in time; the call may or may not have been carried out. */
    TIMEOUT,
    /** No connection, or it broke. */
    CONNECTION,
    /** 401: the configured key is wrong, not the request. */
    UNAUTHORIZED,
    /** A success status whose body could not be read. */
    UNREADABLE_ANSWER,
    /** Any other refusal (400, 403, 404, 409, ...): the same request will be refused again. */
    REFUSED
  }
}
