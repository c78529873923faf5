package dev.mailgate.outbound.service;

import dev.mailgate.outbound.config.OutboundConfig;
import dev.mailgate.outbound.domain.Verdict;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Tries deliveries: mailboxes in parallel, each mailbox's deliveries in order. A paused mailbox is
 * not called at all; after a 429 or a transient failure the rest of that mailbox's deliveries are
 * deferred rather than tried, so one struggling mailbox costs at most one call per round.
 */
@ApplicationScoped
public class Dispatcher {

  private final Sender sender;
  private final ManagedExecutor pool;

  public Dispatcher(Sender sender, OutboundConfig config) {
    this.sender = sender;
    this.pool =
        ManagedExecutor.builder()
            .maxAsync(config.concurrency())
            .propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING)
            .build();
  }

  /**
   * Tries {@code works}, except those of mailboxes in {@code pausedUntil}; the results keep each
   * mailbox's order.
   */
  public List<Result> run(List<Work> works, Map<String, Instant> pausedUntil) {
    Map<String, List<Work>> byMailbox = new LinkedHashMap<>();
    works.forEach(w -> byMailbox.computeIfAbsent(w.mailboxId(), k -> new ArrayList<>()).add(w));
    List<CompletableFuture<List<Result>>> running = new ArrayList<>();
    byMailbox.forEach(
        (mailbox, sequence) -> {
          Instant paused = pausedUntil.get(mailbox);
          running.add(CompletableFuture.supplyAsync(() -> inOrder(sequence, paused), pool));
        });
    List<Result> results = new ArrayList<>(works.size());
    running.forEach(f -> results.addAll(f.join()));
    return results;
  }

  private List<Result> inOrder(List<Work> sequence, Instant pausedUntil) {
    List<Result> results = new ArrayList<>(sequence.size());
    boolean held = pausedUntil != null;
    for (Work work : sequence) {
      if (held) {
        results.add(new Result(work, new Verdict.Deferred(pausedUntil)));
        continue;
      }
      Verdict verdict = sender.attempt(work.email());
      results.add(new Result(work, verdict));
      held = verdict.holdsMailbox();
    }
    return results;
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
