package dev.mailgate.approval.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The line diff a reviewer sees before confirming an edit. */
class LineDiffTest {

  @Test
  void changedLinesAreRemovedAndAddedAroundTheCommonOnes() {
    List<LineDiff.Line> diff =
        LineDiff.diff("Hello\nships Monday\nBye", "Hello\nships Friday\nBye\nPS");
    assertThat(diff)
        .extracting(l -> l.kind() + ":" + l.text())
        .containsExactly(
            "same:Hello", "removed:ships Monday", "added:ships Friday", "same:Bye", "added:PS");
  }

  @Test
  void nullEmptyAndOversizedTextsAreHandled() {
    assertThat(LineDiff.diff(null, "a")).extracting(LineDiff.Line::kind).containsExactly("added");
    assertThat(LineDiff.diff("", "")).isEmpty();
    String big = "x\n".repeat(LineDiff.MAX_LINES + 1);
    assertThat(LineDiff.diff(big, big + "y")).hasSize(2 * (LineDiff.MAX_LINES + 2));
  }
}
