package dev.mailgate.agent;

import dev.mailgate.events.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The intent breaks the contract; nothing was published. */
public class InvalidIntentException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidIntentException(List<Problem> problems) {
    super(
        "invalid email intent: "
            + problems.stream()
                .map(p -> p.path() + ": " + p.message() + " (" + p.code() + ")")
                .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, with its field path and code. */
  public List<Problem> problems() {
    return problems;
  }
}
