package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** 429 with a monthly quota error: no sends until the quota resets (see {@link #retryAfter()}). */
public class MultiMailQuotaExceededException extends MultiMailException {

  public MultiMailQuotaExceededException(
      String message, int status, String error, Duration retryAfter, Throwable cause) {
    super(message, status, error, retryAfter, cause);
  }

  @Override
  public boolean isRetriable() {
    return false;
  }

  @Override
  public Kind kind() {
    return Kind.QUOTA_EXHAUSTED;
  }
}
