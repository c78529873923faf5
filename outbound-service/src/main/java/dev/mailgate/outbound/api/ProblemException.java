package dev.mailgate.outbound.api;

/** A client error reported as an RFC 7807 problem. */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;

  public ProblemException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
