package dev.mailgate.events.validation;

import dev.mailgate.events.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects problems up to a cap, so hostile input cannot make the report itself huge. */
final class Problems {

  private final List<Problem> found = new ArrayList<>();
  private final int max;
  private int dropped;

  Problems(int max) {
    this.max = max;
  }

  void add(String path, String code, String message) {
    if (found.size() < max) {
      found.add(new Problem(path, code, message));
    } else {
      dropped++;
    }
  }

  List<Problem> toList() {
    List<Problem> all = new ArrayList<>(found);
    if (dropped > 0) {
      all.add(new Problem("$", "too_many_problems", dropped + " more problems not listed"));
    }
    return List.copyOf(all);
  }
}
