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

  @Override
  public Kind kind() {
    return Kind.CONNECTION;
  }

  /** Not when the connection was never made: then the request never left. */
  @Override
  public boolean mayHaveBeenApplied() {
    return !(getCause() instanceof java.net.ConnectException
        || getCause() instanceof java.net.http.HttpConnectTimeoutException);
  }
}
