package dev.mailgate.approval.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mailgate.events.EventJson;
import java.util.List;

/** Reads and writes an intent's {@code conflict_facts} column. */
public final class ConflictFacts {

  /** Most differences kept per intent, whatever the group's size. */
  static final int MAX = 50;

  private static final TypeReference<List<FactDifference>> LIST = new TypeReference<>() {};

  private ConflictFacts() {}

  public static List<FactDifference> read(Intent intent) {
    return intent.conflictFacts == null
        ? List.of()
        : EventJson.mapper().convertValue(intent.conflictFacts, LIST);
  }

  public static void write(Intent intent, List<FactDifference> facts) {
    intent.conflictFacts =
        facts.isEmpty()
            ? null
            : EventJson.mapper().valueToTree(facts.size() > MAX ? facts.subList(0, MAX) : facts);
  }
}
