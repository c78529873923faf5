package dev.mailgate.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of a pipeline run beside their anchors and targets: text, JSON and chart. */
final class Findings {

  static final double TARGET_PER_SECOND = 2_000;
  static final long TARGET_CALL_P99_MS = 100;
  static final long TARGET_CALL_P50_MS = 30;

  private final PipelineRun.Result result;
  private final Anchors.Figures anchors;
  private final Map<String, Percentiles> stages = new LinkedHashMap<>();
  private final double published;
  private final double accepted;
  private final double audited;

  private Findings(PipelineRun.Result result, Anchors.Figures anchors) {
    this.result = result;
    this.anchors = anchors;
    Timeline t = result.timeline();
    Stage[] order = Stage.values();
    for (int i = 1; i < order.length; i++) {
      stages.put(
          order[i - 1].label + " → " + order[i].label,
          Percentiles.of(t.between(order[i - 1], order[i])));
    }
    stages.put("intent → MultiMail call", Percentiles.of(t.between(Stage.INTENT, Stage.CALL)));
    stages.put("intent → outcome", Percentiles.of(t.between(Stage.INTENT, Stage.OUTCOME)));
    stages.put("intent → audit", Percentiles.of(t.between(Stage.INTENT, Stage.AUDIT)));
    long first = t.span(Stage.INTENT)[0];
    published = rate(t.reached(Stage.INTENT), first, t.span(Stage.INTENT)[1]);
    accepted = rate(t.reached(Stage.OUTCOME), first, t.span(Stage.OUTCOME)[1]);
    audited = rate(t.reached(Stage.AUDIT), first, t.span(Stage.AUDIT)[1]);
  }

  static Findings of(PipelineRun.Result result, Anchors.Figures anchors, BenchOptions options) {
    return new Findings(result, anchors);
  }

  private static double rate(int count, long first, long last) {
    return count == 0 || last <= first ? 0 : count / ((last - first) / 1000.0);
  }

  String text(BenchOptions options) {
    Timeline t = result.timeline();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%nMailGate bench: %,d intents over %d autonomous mailboxes, %s%n",
            options.intents(),
            options.mailboxes(),
            options.rate() > 0
                ? "published at " + options.rate() + "/s"
                : "published as fast as possible"));
    out.append(
        String.format(
            "reached: decision %,d · mail.approved %,d · MultiMail %,d · outcome %,d · audit %,d%s%n%n",
            t.reached(Stage.DECISION),
            t.reached(Stage.APPROVED),
            t.reached(Stage.CALL),
            t.reached(Stage.OUTCOME),
            t.reached(Stage.AUDIT),
            result.complete() ? "" : "  (INCOMPLETE)"));
    out.append("latency (Kafka timestamps; MultiMail call from the sandbox's log)\n");
    stages.forEach((name, p) -> out.append(String.format("  %-42s %s%n", name, p.line())));
    Percentiles call = stages.get("intent → MultiMail call");
    out.append(
        String.format(
            "  target at a steady 500/s: intent → MultiMail call p50 < %d ms, p99 < %d ms: %s%n%n",
            TARGET_CALL_P50_MS,
            TARGET_CALL_P99_MS,
            call.count() == 0
                ? "not measured"
                : call.p50() < TARGET_CALL_P50_MS && call.p99() < TARGET_CALL_P99_MS
                    ? "met"
                    : "NOT met"));
    out.append("throughput (first intent published → last one at the stage)\n");
    out.append(String.format("  %-34s %,9.0f /s%n", "published", published));
    out.append(
        String.format(
            "  %-34s %,9.0f /s   target ≥ %,.0f/s: %s%n",
            "accepted by MultiMail",
            accepted,
            TARGET_PER_SECOND,
            accepted >= TARGET_PER_SECOND ? "met" : "NOT met"));
    out.append(
        String.format(
            "  %-34s %,9.0f /s   target ≥ %,.0f/s: %s%n%n",
            "complete in the audit",
            audited,
            TARGET_PER_SECOND,
            audited >= TARGET_PER_SECOND ? "met" : "NOT met"));
    out.append("anchors, same records, same broker and database, same run\n");
    out.append(
        String.format(
            "  %-34s %,9.0f /s   MailGate end to end is %.3f of it%n",
            "Kafka produce (acks=all)",
            anchors.kafkaProducePerSecond(),
            ratio(audited, anchors.kafkaProducePerSecond())));
    out.append(
        String.format(
            "  %-34s %,9.0f /s   MailGate end to end is %.3f of it%n",
            "Kafka consume",
            anchors.kafkaConsumePerSecond(),
            ratio(audited, anchors.kafkaConsumePerSecond())));
    out.append(
        String.format(
            "  %-34s %,9.0f /s   MailGate end to end is %.3f of it%n",
            "PostgreSQL insert (batches of 500)",
            anchors.pgInsertPerSecond(),
            ratio(audited, anchors.pgInsertPerSecond())));
    return out.toString();
  }

  private static double ratio(double figure, double anchor) {
    return anchor <= 0 ? 0 : figure / anchor;
  }

  Map<String, Object> json() {
    Timeline t = result.timeline();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("complete", result.complete());
    Map<String, Object> reached = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      reached.put(stage.name().toLowerCase(), t.reached(stage));
    }
    json.put("reached", reached);
    Map<String, Object> latency = new LinkedHashMap<>();
    stages.forEach((name, p) -> latency.put(name, p.json()));
    json.put("latency", latency);
    Map<String, Object> throughput = new LinkedHashMap<>();
    throughput.put("published_per_second", Math.round(published));
    throughput.put("accepted_per_second", Math.round(accepted));
    throughput.put("audited_per_second", Math.round(audited));
    json.put("throughput", throughput);
    Map<String, Object> anchor = new LinkedHashMap<>();
    anchor.put("kafka_produce_per_second", Math.round(anchors.kafkaProducePerSecond()));
    anchor.put("kafka_consume_per_second", Math.round(anchors.kafkaConsumePerSecond()));
    anchor.put("postgres_insert_per_second", Math.round(anchors.pgInsertPerSecond()));
    anchor.put("audited_over_kafka_produce", ratio(audited, anchors.kafkaProducePerSecond()));
    anchor.put("audited_over_postgres_insert", ratio(audited, anchors.pgInsertPerSecond()));
    json.put("anchors", anchor);
    Percentiles call = stages.get("intent → MultiMail call");
    Map<String, Object> targets = new LinkedHashMap<>();
    targets.put("audited_per_second_at_least_2000", audited >= TARGET_PER_SECOND);
    targets.put("call_p50_under_30_ms", call.count() > 0 && call.p50() < TARGET_CALL_P50_MS);
    targets.put("call_p99_under_100_ms", call.count() > 0 && call.p99() < TARGET_CALL_P99_MS);
    json.put("targets", targets);
    return json;
  }

  String chart(String runId) {
    Timeline t = result.timeline();
    List<LatencyChart.Curve> curves = new ArrayList<>();
    for (Stage stage :
        List.of(Stage.DECISION, Stage.APPROVED, Stage.CALL, Stage.OUTCOME, Stage.AUDIT)) {
      curves.add(new LatencyChart.Curve(stage.label, t.between(Stage.INTENT, stage)));
    }
    return LatencyChart.svg(
        "MailGate bench " + runId + ": share of intents past each stage", curves);
  }
}
