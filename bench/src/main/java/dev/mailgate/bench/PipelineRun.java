package dev.mailgate.bench;

import dev.mailgate.agent.IntentSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes the run's autonomous intents as the bench agent (at the asked rate, or as fast as the
 * producer goes) and follows them through every stage until each is complete in the audit, or
 * nothing moved for {@link #STALL_MILLIS}.
 */
final class PipelineRun {

  static final long STALL_MILLIS = 60_000;

  /** What the run saw. */
  record Result(
      Timeline timeline,
      List<ProducerRecord<String, byte[]>> records,
      boolean complete,
      int calls) {}

  private final BenchOptions options;
  private final Properties agent;
  private final Properties admin;
  private final IntentSigner signer;
  private final Api api;
  private final Progress progress;

  PipelineRun(
      BenchOptions options,
      Properties agent,
      Properties admin,
      IntentSigner signer,
      Api api,
      Progress progress) {
    this.options = options;
    this.agent = agent;
    this.admin = admin;
    this.signer = signer;
    this.api = api;
    this.progress = progress;
  }

  Result run(String runId) throws Exception {
    int n = options.intents();
    IntentSource source = new IntentSource(runId, "bench", signer);
    String prefix = source.intentId(0).substring(0, source.intentId(0).length() - 1);
    Timeline timeline = new Timeline(n);
    java.util.function.ToIntFunction<String> indexOf = id -> index(prefix, id, n);
    List<String> mailboxes = BenchMailboxes.autonomous(options.mailboxes());
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      records.add(source.record(i, mailboxes.get(i % mailboxes.size())));
    }
    BenchOptions.Stack stack = options.stack();
    try (StageWatcher watcher = new StageWatcher(admin, timeline, indexOf);
        AuditProbe audit =
            new AuditProbe(
                stack.jdbcBase() + "/mailgate_audit", stack.dbUser(), stack.dbPassword(), prefix);
        KafkaProducer<String, byte[]> producer =
            Clients.producer(agent, options.rate() > 0 ? 0 : 5)) {
      watcher.start();
      publish(producer, records, timeline);
      boolean complete = follow(timeline, audit, n);
      audit.markComplete(timeline, indexOf);
      int calls = SandboxCalls.mark(api, stack.sandboxUrl(), timeline, indexOf);
      return new Result(timeline, records, complete, calls);
    }
  }

  private void publish(
      KafkaProducer<String, byte[]> producer,
      List<ProducerRecord<String, byte[]>> records,
      Timeline timeline) {
    long began = System.nanoTime();
    double interval = options.rate() > 0 ? 1e9 / options.rate() : 0;
    for (int i = 0; i < records.size(); i++) {
      if (interval > 0) {
        long due = began + (long) (i * interval);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      int n = i;
      producer.send(
          records.get(i),
          (metadata, failure) -> {
            if (failure == null) {
              timeline.mark(Stage.INTENT, n, metadata.timestamp());
            }
          });
      if (i % 500 == 0) {
        progress.show("publishing", i, records.size(), "");
      }
    }
    producer.flush();
    progress.show("publishing", records.size(), records.size(), "");
    progress.done();
  }

  private boolean follow(Timeline timeline, AuditProbe audit, int n) throws Exception {
    long expected = (long) n * AuditProbe.EVENTS_PER_INTENT;
    long recorded = 0;
    long lastChange = System.currentTimeMillis();
    long lastSeen = -1;
    while (true) {
      recorded = audit.recorded();
      long seen = recorded + timeline.reached(Stage.OUTCOME) + timeline.reached(Stage.DECISION);
      if (seen != lastSeen) {
        lastSeen = seen;
        lastChange = System.currentTimeMillis();
      }
      progress.show(
          "delivering",
          timeline.reached(Stage.OUTCOME),
          n,
          String.format(
              "accepted · decided %,d · audit %,d/%,d events",
              timeline.reached(Stage.DECISION), recorded, expected));
      if (recorded >= expected && timeline.reached(Stage.OUTCOME) >= n) {
        progress.done();
        return true;
      }
      if (System.currentTimeMillis() - lastChange > STALL_MILLIS) {
        progress.done();
        System.err.println(
            "nothing moved for " + STALL_MILLIS / 1000 + " s: reporting what arrived");
        return false;
      }
      Thread.sleep(500);
    }
  }

  private static int index(String prefix, String intentId, int n) {
    if (!intentId.startsWith(prefix)) {
      return -1;
    }
    try {
      int i = Integer.parseInt(intentId.substring(prefix.length()));
      return i >= 0 && i < n ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
