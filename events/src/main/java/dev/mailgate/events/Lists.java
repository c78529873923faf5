package dev.mailgate.events;

import java.util.ArrayList;
import java.util.List;

/** List normalisation for the records: absent lists are empty, present ones are immutable. */
final class Lists {

  private Lists() {}

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  @SafeVarargs
  static <T> List<T> concat(List<T>... lists) {
    List<T> all = new ArrayList<>();
    for (List<T> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }
}
