package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** The connection could not be opened, or was closed before a response arrived. */
public class MultiMailConnectionException extends MultiMailException {

  public MultiMailConnectionException(
      String message, int status, String error, Duration retryAfter, Throwable cause) {
    super(message, status, error, retryAfter, cause);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
