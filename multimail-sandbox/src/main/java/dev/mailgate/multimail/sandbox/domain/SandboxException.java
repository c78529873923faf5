package dev.mailgate.multimail.sandbox.domain;

/** A MultiMail-shaped error answer: HTTP status, {@code error} text, optional Retry-After. */
public class SandboxException extends RuntimeException {

  private final int status;
  private final Long retryAfterSeconds;

  public SandboxException(int status, String error) {
    this(status, error, null);
  }

  public SandboxException(int status, String error, Long retryAfterSeconds) {
    super(error, null, false, false);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static SandboxException badRequest(String error) {
    return new SandboxException(400, error);
  }

  public static SandboxException notFound(String error) {
    return new SandboxException(404, error);
  }

  public int status() {
    return status;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
