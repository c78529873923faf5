package dev.mailgate.approval.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * One checkable statement of an email: its kind ({@code date}, {@code month}, {@code weekday},
 * {@code time}, {@code amount}, {@code percent}, {@code version}, {@code quantity}, {@code
 * yes_no}), what it is about ({@code key}: the unit of a quantity, the verb of a yes/no statement,
 * else empty), its normalised value, and the words as written.
 */
public record Fact(String kind, String key, String value, String text) {

  /** Facts as stored with an intent: one per line, fields separated by {@code |}. */
  public static String encode(List<Fact> facts) {
    StringBuilder out = new StringBuilder();
    for (Fact f : facts) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(clean(f.kind))
          .append('|')
          .append(clean(f.key))
          .append('|')
          .append(clean(f.value))
          .append('|')
          .append(clean(f.text));
    }
    return out.toString();
  }

  public static List<Fact> decode(String stored) {
    List<Fact> facts = new ArrayList<>();
    if (stored == null || stored.isEmpty()) {
      return facts;
    }
    for (String line : stored.split("\n")) {
      String[] parts = line.split("\\|", -1);
      if (parts.length == 4) {
        facts.add(new Fact(parts[0], parts[1], parts[2], parts[3]));
      }
    }
    return facts;
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('|', '/').replace('\n', ' ');
  }
}
