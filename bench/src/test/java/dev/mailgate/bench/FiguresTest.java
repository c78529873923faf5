package dev.mailgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's arithmetic and its command line: what a reader of its figures relies on. */
class FiguresTest {

  @Test
  void percentilesAreNearestRank() {
    long[] sample = new long[100];
    for (int i = 0; i < 100; i++) {
      sample[i] = 100 - i; // 1..100, unsorted
    }
    Percentiles p = Percentiles.of(sample);
    assertThat(p.p50()).isEqualTo(50);
    assertThat(p.p90()).isEqualTo(90);
    assertThat(p.p99()).isEqualTo(99);
    assertThat(p.max()).isEqualTo(100);
    assertThat(Percentiles.of(new long[0]).count()).isZero();
  }

  @Test
  void stagesAreTimedPerIntentOnlyWhereBothEndsWereSeen() {
    Timeline timeline = new Timeline(3);
    timeline.mark(Stage.INTENT, 0, 1_000);
    timeline.mark(Stage.INTENT, 1, 1_010);
    timeline.mark(Stage.INTENT, 2, 1_020);
    timeline.mark(Stage.CALL, 0, 1_030);
    timeline.mark(Stage.CALL, 2, 1_100);
    timeline.mark(Stage.CALL, 2, 9_999); // a second sighting keeps the first
    assertThat(timeline.between(Stage.INTENT, Stage.CALL)).containsExactly(30, 80);
    assertThat(timeline.reached(Stage.CALL)).isEqualTo(2);
    assertThat(timeline.span(Stage.INTENT)).containsExactly(1_000, 1_020);
  }

  @Test
  void theCommandLineIsCheckedAndHasDefaults() {
    BenchOptions defaults = BenchOptions.parse(List.of(), null, Path.of("r.json"));
    assertThat(defaults.intents()).isEqualTo(20_000);
    assertThat(defaults.rate()).isZero();
    BenchOptions given =
        BenchOptions.parse(
            List.of(
                "--intents", "5,000", "--rate", "500", "--mailboxes", "8", "--pending", "100000"),
            null,
            Path.of("r.json"));
    assertThat(given.intents()).isEqualTo(5_000);
    assertThat(given.rate()).isEqualTo(500);
    assertThat(given.pending()).isEqualTo(100_000);
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--intents"), null, Path.of("r")))
        .hasMessageContaining("usage");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "fast"), null, Path.of("r")))
        .hasMessageContaining("number");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--mailboxes", "0"), null, Path.of("r")))
        .hasMessageContaining("between");
  }

  @Test
  void theChartIsAnSvgWithOneCurvePerStageAndEscapedText() {
    String svg =
        LatencyChart.svg(
            "run <1> & co",
            List.of(
                new LatencyChart.Curve("decision", new long[] {5, 7, 9}),
                new LatencyChart.Curve("audit", new long[] {20, 40, 60})));
    assertThat(svg).startsWith("<svg").contains("run &lt;1&gt; &amp; co");
    assertThat(svg.split("<polyline", -1)).hasSize(3);
    assertThat(LatencyChart.niceCeiling(61)).isEqualTo(100);
    assertThat(LatencyChart.niceCeiling(140)).isEqualTo(200);
  }
}
