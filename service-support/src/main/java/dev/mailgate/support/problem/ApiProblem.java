package dev.mailgate.support.problem;

/**
 * A request the API refuses, answered as a problem document with this status; the detail says why
 * and never echoes the input back.
 */
public class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public ApiProblem(int status, String detail) {
    super(detail);
    this.status = status;
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, detail);
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(403, detail);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, detail);
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(409, detail);
  }

  public int status() {
    return status;
  }
}
