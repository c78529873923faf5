package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** 5xx: MultiMail failed; the call may succeed later. */
public class MultiMailServerException extends MultiMailException {

  public MultiMailServerException(
      String message, int status, String error, Duration retryAfter, Throwable cause) {
    super(message, status, error, retryAfter, cause);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }

  @Override
  public Kind kind() {
    return Kind.SERVER_ERROR;
  }
}
