package dev.mailgate.approval.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (longest common subsequence) for showing a reviewer's edit before it is confirmed and
 * the differences between the members of a conflict group. Texts longer than {@link #MAX_LINES}
 * lines are shown as wholly removed and added rather than compared, to keep the work bounded.
 */
public final class LineDiff {

  static final int MAX_LINES = 2_000;

  /** One line of a diff: {@code same}, {@code removed} or {@code added}. */
  public record Line(String kind, String text) {
    public boolean changed() {
      return !"same".equals(kind);
    }
  }

  private LineDiff() {}

  public static List<Line> diff(String before, String after) {
    String[] a = lines(before);
    String[] b = lines(after);
    List<Line> out = new ArrayList<>();
    if (a.length > MAX_LINES || b.length > MAX_LINES) {
      for (String line : a) {
        out.add(new Line("removed", line));
      }
      for (String line : b) {
        out.add(new Line("added", line));
      }
      return out;
    }
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i].equals(b[j])) {
        out.add(new Line("same", a[i]));
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        out.add(new Line("removed", a[i++]));
      } else {
        out.add(new Line("added", b[j++]));
      }
    }
    while (i < a.length) {
      out.add(new Line("removed", a[i++]));
    }
    while (j < b.length) {
      out.add(new Line("added", b[j++]));
    }
    return out;
  }

  /** Whether the two texts differ at all. */
  public static boolean differs(String before, String after) {
    return !String.valueOf(before).equals(String.valueOf(after));
  }

  private static String[] lines(String text) {
    return text == null || text.isEmpty()
        ? new String[0]
        : text.replace("\r\n", "\n").split("\n", -1);
  }
}
