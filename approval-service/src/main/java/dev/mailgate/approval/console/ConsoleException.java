package dev.mailgate.approval.console;

import dev.mailgate.support.problem.ApiProblem;
import java.util.function.Supplier;

/** A console request refused: the status and what the person is told (rendered as a page). */
public class ConsoleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** 401 here means "sign in again": the answer is the sign-in page and a cleared cookie. */
  private final int status;

  public ConsoleException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /**
   * Runs a service call, turning its refusal ({@link ApiProblem}: not found, not pending, not
   * yours, invalid) into a console page with the same status and reason.
   */
  static <T> T attempt(Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiProblem e) {
      throw new ConsoleException(e.status(), e.getMessage());
    }
  }

  static ConsoleException signIn(String why) {
    return new ConsoleException(401, why);
  }

  static ConsoleException forbidden(String why) {
    return new ConsoleException(403, why);
  }
}
