package dev.mailgate.approval.service.review;

import dev.mailgate.support.problem.ApiProblem;

/** A review request that cannot be carried out, with the HTTP status that says why. */
public class ReviewException extends ApiProblem {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    NOT_FOUND(404),
    FORBIDDEN(403),
    NOT_PENDING(409),
    INVALID(400);

    public final int status;

    Kind(int status) {
      this.status = status;
    }
  }

  private final Kind kind;

  public ReviewException(Kind kind, String message) {
    super(kind.status, message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
