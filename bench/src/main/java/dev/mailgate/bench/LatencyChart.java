package dev.mailgate.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An SVG chart of the run: for each stage, the share of intents that had reached it within t ms of
 * being published (cumulative distributions), with the p50 and p99 of the MultiMail call marked.
 */
final class LatencyChart {

  private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};
  private static final int W = 760;
  private static final int H = 420;
  private static final int LEFT = 60;
  private static final int TOP = 40;
  private static final int PLOT_W = 520;
  private static final int PLOT_H = 320;

  private LatencyChart() {}

  /** One curve: a label and the latencies from publishing, in ms. */
  record Curve(String label, long[] millis) {}

  static String svg(String title, List<Curve> curves) {
    long xMax = 1;
    for (Curve c : curves) {
      if (c.millis().length > 0) {
        long[] sorted = c.millis().clone();
        Arrays.sort(sorted);
        xMax = Math.max(xMax, Percentiles.rank(sorted, 99.9));
      }
    }
    xMax = niceCeiling(xMax);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            W,
            H));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n",
            LEFT,
            escape(title)));
    axes(svg, xMax);
    for (int i = 0; i < curves.size(); i++) {
      curve(svg, curves.get(i), xMax, COLOURS[i % COLOURS.length]);
      legend(svg, i, curves.get(i).label(), COLOURS[i % COLOURS.length]);
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void axes(StringBuilder svg, long xMax) {
    int bottom = TOP + PLOT_H;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
            LEFT,
            TOP,
            PLOT_W,
            PLOT_H));
    for (int i = 0; i <= 5; i++) {
      double x = LEFT + PLOT_W * i / 5.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
              x,
              TOP,
              x,
              bottom,
              x,
              bottom + 16,
              xMax * i / 5));
      double y = bottom - PLOT_H * i / 5.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>%n",
              LEFT,
              y,
              LEFT + PLOT_W,
              y,
              LEFT - 6,
              y + 4,
              i * 20));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">ms after the intent was published</text>%n",
            LEFT + PLOT_W / 2,
            bottom + 34));
  }

  private static void curve(StringBuilder svg, Curve curve, long xMax, String colour) {
    long[] sorted = curve.millis().clone();
    if (sorted.length == 0) {
      return;
    }
    Arrays.sort(sorted);
    StringBuilder points = new StringBuilder();
    int steps = Math.min(400, sorted.length);
    for (int i = 0; i <= steps; i++) {
      int index = Math.min(sorted.length - 1, (int) ((long) i * (sorted.length - 1) / steps));
      double x = LEFT + PLOT_W * Math.min(1.0, sorted[index] / (double) xMax);
      double y = TOP + PLOT_H - PLOT_H * (index + 1) / (double) sorted.length;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
            colour,
            points.toString().trim()));
  }

  private static void legend(StringBuilder svg, int i, String label, String colour) {
    int x = LEFT + PLOT_W + 16;
    int y = TOP + 10 + i * 20;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
            x,
            y - 10,
            colour,
            x + 18,
            y,
            escape(label)));
  }

  static long niceCeiling(long value) {
    long magnitude = 1;
    while (magnitude * 10 <= value) {
      magnitude *= 10;
    }
    for (long step : new long[] {1, 2, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return value;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
