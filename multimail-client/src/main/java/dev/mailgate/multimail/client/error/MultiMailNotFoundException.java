package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** 404: the mailbox, email, thread or pending item does not exist. */
public class MultiMailNotFoundException extends MultiMailException {

  public MultiMailNotFoundException(
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
