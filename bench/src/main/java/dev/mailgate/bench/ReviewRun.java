package dev.mailgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.agent.IntentSigner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The reviewers' side under a full queue: holds {@code --pending} intents in a gated mailbox, then
 * times the review list (each filter, first and later pages) and approve/reject calls as a reviewer
 * makes them, and finally rejects what it left pending (bulk) so the queue is as it was.
 */
final class ReviewRun {

  private static final int SAMPLES = 100;
  private static final int PAGE = 50;

  private final BenchOptions options;
  private final Properties agent;
  private final Properties admin;
  private final IntentSigner signer;
  private final Api api;
  private final Progress progress;

  ReviewRun(
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

  /** Latencies by operation. */
  Map<String, Percentiles> run(String runId) throws Exception {
    int n = options.pending();
    IntentSource source = new IntentSource("review-" + runId, "bench", signer);
    String prefix = source.intentId(0).substring(0, source.intentId(0).length() - 1);
    Timeline unused = new Timeline(1);
    Map<String, Percentiles> figures = new LinkedHashMap<>();
    try (StageWatcher watcher =
            new StageWatcher(admin, unused, id -> id.startsWith(prefix) ? 0 : -1);
        KafkaProducer<String, byte[]> producer = Clients.producer(agent, 5)) {
      watcher.start();
      for (int i = 0; i < n; i++) {
        producer.send(source.record(i, BenchMailboxes.REVIEW_MAILBOX));
        if (i % 1000 == 0) {
          progress.show("holding", i, n, "published");
        }
      }
      producer.flush();
      progress.done();
      awaitHeld(watcher, n);
      List<String> held = new ArrayList<>(watcher.heldIds());
      String reviewer = options.stack().reviewerToken();
      String base = options.stack().approvalUrl() + "/api/reviews?limit=" + PAGE;
      Map<String, String> filters = new LinkedHashMap<>();
      filters.put("none", "");
      filters.put("mailbox", "&mailbox=" + BenchMailboxes.REVIEW_MAILBOX);
      filters.put("role", "&role=" + BenchMailboxes.ROLE);
      filters.put("team", "&team=bench");
      for (Map.Entry<String, String> filter : filters.entrySet()) {
        figures.put(
            "list " + filter.getKey() + ", first page",
            timeFirst(base + filter.getValue(), reviewer));
        figures.put(
            "list " + filter.getKey() + ", later pages",
            timeLater(base + filter.getValue(), reviewer));
      }
      int take = Math.min(SAMPLES, held.size() / 2);
      figures.put("approve", timeDecide(held.subList(0, take), "approve", reviewer));
      figures.put("reject", timeDecide(held.subList(take, 2 * take), "reject", reviewer));
      cleanUp(held.subList(2 * take, held.size()), reviewer);
    }
    return figures;
  }

  private void awaitHeld(StageWatcher watcher, int n) throws InterruptedException {
    int last = -1;
    long lastChange = System.currentTimeMillis();
    while (watcher.held() < n) {
      if (watcher.held() != last) {
        last = watcher.held();
        lastChange = System.currentTimeMillis();
      }
      if (System.currentTimeMillis() - lastChange > PipelineRun.STALL_MILLIS) {
        throw new IllegalStateException(
            "only " + last + " of " + n + " intents were held for review");
      }
      progress.show("holding", watcher.held(), n, "held for review");
      Thread.sleep(500);
    }
    progress.show("holding", n, n, "held for review");
    progress.done();
  }

  private Percentiles timeFirst(String url, String token) {
    long[] millis = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      long began = System.nanoTime();
      api.call("GET", url, token, null).expect(200);
      millis[i] = (System.nanoTime() - began) / 1_000_000;
    }
    return Percentiles.of(millis);
  }

  private Percentiles timeLater(String url, String token) {
    List<Long> millis = new ArrayList<>();
    String next = api.call("GET", url, token, null).expect(200).body().path("next").asText(null);
    while (next != null && millis.size() < SAMPLES) {
      long began = System.nanoTime();
      JsonNode page =
          api.call(
                  "GET",
                  url + "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                  token,
                  null)
              .expect(200)
              .body();
      millis.add((System.nanoTime() - began) / 1_000_000);
      next = page.path("next").isNull() ? null : page.path("next").asText(null);
    }
    return Percentiles.of(millis.stream().mapToLong(Long::longValue).toArray());
  }

  private Percentiles timeDecide(List<String> ids, String action, String token) {
    long[] millis = new long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      String url = options.stack().approvalUrl() + "/api/reviews/" + ids.get(i) + "/" + action;
      long began = System.nanoTime();
      api.call("POST", url, token, Map.of("reason", "bench: timing the " + action + " call"))
          .expect(200);
      millis[i] = (System.nanoTime() - began) / 1_000_000;
    }
    return Percentiles.of(millis);
  }

  private void cleanUp(List<String> ids, String token) {
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      api.call(
              "POST",
              options.stack().approvalUrl() + "/api/reviews/bulk",
              token,
              Map.of("action", "reject", "intent_ids", chunk, "reason", "bench run over: cleared"))
          .expect(200);
      progress.show("clearing", from + chunk.size(), ids.size(), "rejected (bench cleanup)");
    }
    progress.done();
  }
}
