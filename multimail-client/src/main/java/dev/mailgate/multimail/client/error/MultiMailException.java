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
}
