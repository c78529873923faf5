package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** Any other unexpected status, or a success body that could not be read. */
public class MultiMailApiException extends MultiMailException {

  public MultiMailApiException(
      String message, int status, String error, Duration retryAfter, Throwable cause) {
    super(message, status, error, retryAfter, cause);
  }

  @Override
  public boolean isRetriable() {
    return false;
  }

  @Override
  public Kind kind() {
    return status() >= 200 && status() < 300 ? Kind.UNREADABLE_ANSWER : Kind.REFUSED;
  }
}
