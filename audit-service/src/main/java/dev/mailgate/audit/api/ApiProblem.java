package dev.mailgate.audit.api;

/** A client error the API answers as an RFC 7807 problem; the detail never echoes input. */
public class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;

  public ApiProblem(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, "Invalid request", detail);
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(403, "Forbidden", detail);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "Not found", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
