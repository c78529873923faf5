package dev.mailgate.multimail.client.error;

import java.time.Duration;

/**
 * No response within the request timeout. The request may or may not have been processed: resend
 * with the same idempotency key.
 */
public class MultiMailTimeoutException extends MultiMailException {

  public MultiMailTimeoutException(
      String message, int status, String error, Duration retryAfter, Throwable cause) {
    super(message, status, error, retryAfter, cause);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }

  @Override
  public Kind kind() {
    return Kind.TIMEOUT;
  }
}
