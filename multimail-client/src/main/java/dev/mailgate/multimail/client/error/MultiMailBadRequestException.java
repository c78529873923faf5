package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** 400 (or 413/422): the request is invalid; sending it again will fail again. */
public class MultiMailBadRequestException extends MultiMailException {

  public MultiMailBadRequestException(
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
