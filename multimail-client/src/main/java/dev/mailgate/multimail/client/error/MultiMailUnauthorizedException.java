package dev.mailgate.multimail.client.error;

import java.time.Duration;

/** 401: the API key is missing, wrong or revoked. */
public class MultiMailUnauthorizedException extends MultiMailException {

  public MultiMailUnauthorizedException(
      String message, int status, String error, Duration retryAfter, Throwable cause) {
    super(message, status, error, retryAfter, cause);
  }

  @Override
  public boolean isRetriable() {
    return false;
  }

  @Override
  public Kind kind() {
    return Kind.UNAUTHORIZED;
  }
}
