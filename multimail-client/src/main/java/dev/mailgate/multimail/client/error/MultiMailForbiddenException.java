package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** 403: the key lacks a scope, the plan forbids it, or the mailbox is read_only. */
public class MultiMailForbiddenException extends MultiMailException {

  public MultiMailForbiddenException(
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
