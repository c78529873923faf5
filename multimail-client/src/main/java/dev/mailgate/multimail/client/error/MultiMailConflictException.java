package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** 409: a duplicate (identical reply within 60 s) or a state conflict. */
public class MultiMailConflictException extends MultiMailException {

  public MultiMailConflictException(
      String message, int status, String error, Duration retryAfter, Throwable cause) {
    super(message, status, error, retryAfter, cause);
  }

  @Override
  public boolean isRetriable() {
    return false;
  }

  @Override
  public Kind kind() {
    return Kind.REFUSED;
  }
}
