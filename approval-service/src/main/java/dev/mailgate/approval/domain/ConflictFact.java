package dev.mailgate.approval.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One way two emails disagree: of a kind (and key, for quantities and yes/no statements), what the
 * new email says ({@code mine}) and what the earlier one says ({@code theirs}), as written.
 */
public record ConflictFact(String kind, String key, String mine, String theirs) {

  /**
   * The contradictions between two emails' facts: a kind (or key) both state, where each states a
   * value the other does not. A value only one side mentions is extra information, not a
   * contradiction; the same values in another order or format are the same facts.
   */
  public static List<ConflictFact> between(List<Fact> mine, List<Fact> theirs) {
    Map<String, Map<String, String>> left = group(mine);
    Map<String, Map<String, String>> right = group(theirs);
    List<ConflictFact> differences = new ArrayList<>();
    for (var entry : left.entrySet()) {
      Map<String, String> other = right.get(entry.getKey());
      if (other == null) {
        continue;
      }
      Set<String> onlyMine = new LinkedHashSet<>(entry.getValue().keySet());
      onlyMine.removeAll(other.keySet());
      Set<String> onlyTheirs = new LinkedHashSet<>(other.keySet());
      onlyTheirs.removeAll(entry.getValue().keySet());
      if (!onlyMine.isEmpty() && !onlyTheirs.isEmpty()) {
        String[] kindKey = entry.getKey().split("\u0000", 2);
        differences.add(
            new ConflictFact(
                kindKey[0],
                kindKey[1],
                texts(onlyMine, entry.getValue()),
                texts(onlyTheirs, other)));
      }
    }
    return differences;
  }

  /**
   * How many of the new email's facts the earlier one states too (same kind, key and value); dates,
   * amounts and the like, not yes/no statements or correction markers.
   */
  public static int shared(List<Fact> mine, List<Fact> theirs) {
    Set<String> seen = new java.util.HashSet<>();
    theirs.forEach(f -> seen.add(f.kind() + "\u0000" + f.key() + "\u0000" + f.value()));
    Set<String> common = new java.util.HashSet<>();
    for (Fact f : mine) {
      String id = f.kind() + "\u0000" + f.key() + "\u0000" + f.value();
      if (!f.kind().equals("yes_no") && !f.kind().equals("correction") && seen.contains(id)) {
        common.add(id);
      }
    }
    return common.size();
  }

  /** "date: December 10 vs December 3" — for reasons and logs. */
  public String describe() {
    return (key.isEmpty() ? kind : kind + " (" + key + ")")
        + ": "
        + FactDifference.capitalised(mine)
        + " vs "
        + FactDifference.capitalised(theirs);
  }

  private static Map<String, Map<String, String>> group(List<Fact> facts) {
    Map<String, Map<String, String>> byKind = new LinkedHashMap<>();
    for (Fact f : facts) {
      byKind
          .computeIfAbsent(f.kind() + "\u0000" + f.key(), k -> new LinkedHashMap<>())
          .putIfAbsent(f.value(), f.text());
    }
    return byKind;
  }

  private static String texts(Set<String> values, Map<String, String> textByValue) {
    return String.join(", ", values.stream().map(textByValue::get).toList());
  }
}
