package dev.mailgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mailgate.agent.IntentSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code ./mailgate bench}: against the running stack, publishes autonomous intents, follows each
 * through every stage (intent, decision, mail.approved, the MultiMail call, the outcome, the
 * audit), optionally times the review list under a full queue, measures the raw Kafka and
 * PostgreSQL anchors on the same broker and database, and prints each figure beside its anchor;
 * writes a JSON report and an SVG latency chart. {@code prepare} makes the bench's mailboxes and
 * prints their ids.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    String command = rest.isEmpty() ? "" : rest.remove(0);
    BenchOptions options;
    try {
      options =
          BenchOptions.parse(
              rest,
              BenchOptions.Stack.fromSystemProperties(),
              Path.of(".stack", "bench", "report-" + Instant.now().getEpochSecond() + ".json"));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Api api = new Api();
    switch (command) {
      case "prepare" -> prepare(options, api);
      case "run" -> run(options, api);
      default -> {
        System.err.println(BenchOptions.USAGE);
        System.exit(2);
      }
    }
  }

  private static void prepare(BenchOptions options, Api api) {
    BenchMailboxes mailboxes = new BenchMailboxes(api, options.stack());
    List<String> autonomous = BenchMailboxes.autonomous(options.mailboxes());
    mailboxes.prepare(autonomous, "autonomous");
    mailboxes.prepare(List.of(BenchMailboxes.REVIEW_MAILBOX), "gated_send");
    List<String> all = new ArrayList<>(autonomous);
    all.add(BenchMailboxes.REVIEW_MAILBOX);
    System.out.println(String.join(",", all));
  }

  private static void run(BenchOptions options, Api api) throws Exception {
    BenchOptions.Stack stack = options.stack();
    Properties agent = StageWatcher.load(stack.agentProperties());
    Properties admin = StageWatcher.load(stack.adminProperties());
    IntentSigner signer =
        IntentSigner.from(StageWatcher.mailgateSettings(stack.agentProperties()))
            .orElseThrow(
                () -> new IllegalStateException("the agent properties carry no signing key"));
    Progress progress = new Progress(System.err);
    String runId = Long.toString(System.currentTimeMillis(), 36);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("run", runId);
    report.put("started_at", Instant.now().toString());
    report.put("machine", machine());
    report.put(
        "options",
        Map.of(
            "intents",
            options.intents(),
            "rate",
            options.rate(),
            "mailboxes",
            options.mailboxes(),
            "pending",
            options.pending()));
    StackMemory memory =
        new StackMemory(Path.of(System.getProperty("bench.pids-dir", ".stack/pids")));
    long idleMb = memory.nowMb();
    memory.start();
    JsonNode limits = SandboxLimits.lift(api, stack.sandboxUrl());
    try {
      if (options.intents() > 0) {
        StackCpu cpu = new StackCpu(Path.of(System.getProperty("bench.pids-dir", ".stack/pids")));
        Map<String, Double> cpuBefore = cpu.snapshot();
        PipelineRun.Result result =
            new PipelineRun(options, agent, admin, signer, api, progress).run(runId);
        Map<String, Double> spent = StackCpu.spent(cpuBefore, cpu.snapshot());
        Anchors.Figures anchors;
        try {
          anchors =
              Anchors.measure(
                  runId,
                  admin,
                  result.records(),
                  stack.jdbcBase() + "/mailgate_approval",
                  stack.dbUser(),
                  stack.dbPassword());
        } catch (Exception e) {
          System.err.println("the anchors could not be measured: " + e);
          anchors = new Anchors.Figures(0, 0, 0);
        }
        Findings findings = Findings.of(result, anchors, options);
        report.put("pipeline", findings.json());
        System.out.println(findings.text(options));
        System.out.println("CPU time of the run by component (user + system; where the time goes)");
        StackCpu.lines(spent, options.intents()).forEach(System.out::println);
        report.put("cpu_seconds", spent);
        Path chart = chartPath(options.report());
        Files.createDirectories(chart.toAbsolutePath().getParent());
        Files.writeString(chart, findings.chart(runId));
        report.put("chart", chart.toString());
      }
      if (options.pending() > 0) {
        Map<String, Percentiles> review =
            new ReviewRun(options, agent, admin, signer, api, progress).run(runId);
        Map<String, Object> json = new LinkedHashMap<>();
        System.out.printf(
            "%nreview queue with %,d items held (target p99 < 50 ms)%n", options.pending());
        review.forEach(
            (name, p) -> {
              json.put(name, p.json());
              System.out.printf("  %-28s %s%n", name, p.line());
            });
        report.put("review", Map.of("pending", options.pending(), "latency", json));
      }
    } finally {
      SandboxLimits.restore(api, stack.sandboxUrl(), limits);
      memory.close();
    }
    report.put("memory_mb", Map.of("idle", idleMb, "peak_during_run", memory.peakMb()));
    System.out.printf(
        "%nstack memory (PSS, as ./mailgate status counts it): idle %,d MB (target < 2,048), peak during the run %,d MB (target < 3,072)%n",
        idleMb, memory.peakMb());
    report.put("finished_at", Instant.now().toString());
    Files.createDirectories(options.report().toAbsolutePath().getParent());
    Files.write(
        options.report(),
        Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report));
    System.out.println(
        "\nreport: "
            + options.report()
            + (options.intents() > 0 ? "   chart: " + chartPath(options.report()) : ""));
  }

  static Path chartPath(Path report) {
    String name = report.getFileName().toString().replaceFirst("\\.json$", "");
    return report.resolveSibling(name + ".svg");
  }

  private static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("java", System.getProperty("java.version"));
    try {
      machine.put(
          "memory_kb",
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .map(l -> l.replaceAll("\\D", ""))
              .findFirst()
              .orElse(""));
    } catch (java.io.IOException e) {
      machine.put("memory_kb", "");
    }
    return machine;
  }
}
