package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** 429 rate limit: retry after {@link #retryAfter()}. */
public class MultiMailRateLimitException extends MultiMailException {

  public MultiMailRateLimitException(
      String message, int status, String error, Duration retryAfter, Throwable cause) {
    super(message, status, error, retryAfter, cause);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }

  @Override
  public Kind kind() {
    return Kind.RATE_LIMITED;
  }
}
