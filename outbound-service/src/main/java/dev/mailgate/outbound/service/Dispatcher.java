package dev.mailgate.outbound.service;

import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.outbound.config.OutboundConfig;
import dev.mailgate.outbound.domain.Verdict;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Tries deliveries: mailboxes in parallel and, within a mailbox, up to {@code lanes-per-mailbox}
 * lanes in parallel. Mail that must arrive in order shares a lane and goes out one after another:
 * the same thread (or the email replied to), or else the same first recipient, so two emails to one
 * person never overtake each other. A paused mailbox is not called at all; after a 429 or a
 * transient failure the rest of that mailbox's deliveries are deferred rather than tried, so one
 * struggling mailbox costs at most one call per lane and round.
 */
@ApplicationScoped
public class Dispatcher {

  private final Sender sender;
  private final ManagedExecutor pool;
  private final int lanes;

  public Dispatcher(Sender sender, OutboundConfig config) {
    this.sender = sender;
    this.lanes = config.lanesPerMailbox();
    this.pool =
        ManagedExecutor.builder()
            .maxAsync(config.concurrency())
            .propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING)
            .build();
  }

  /**
   * Tries {@code works}, except those of mailboxes in {@code pausedUntil}; the results keep the
   * order of each lane.
   */
  public List<Result> run(List<Work> works, Map<String, Instant> pausedUntil) {
    Map<String, Map<Integer, List<Work>>> byMailbox = new LinkedHashMap<>();
    for (Work work : works) {
      byMailbox
          .computeIfAbsent(work.mailboxId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(lane(work.email(), lanes), k -> new ArrayList<>())
          .add(work);
    }
    List<CompletableFuture<List<Result>>> running = new ArrayList<>();
    byMailbox.forEach(
        (mailbox, mailboxLanes) -> {
          Instant paused = pausedUntil.get(mailbox);
          AtomicBoolean held = new AtomicBoolean(paused != null);
          mailboxLanes
              .values()
              .forEach(
                  sequence ->
                      running.add(
                          CompletableFuture.supplyAsync(
                              () -> inOrder(sequence, paused, held), pool)));
        });
    List<Result> results = new ArrayList<>(works.size());
    running.forEach(f -> results.addAll(f.join()));
    return results;
  }

  /** The lane of an email: what it must stay in order with, spread over {@code lanes}. */
  static int lane(ApprovedEmail email, int lanes) {
    String order;
    if (email.threadId() != null && !email.threadId().isBlank()) {
      order = "thread:" + email.threadId();
    } else if (email.replyToEmailId() != null && !email.replyToEmailId().isBlank()) {
      order = "email:" + email.replyToEmailId();
    } else {
      order =
          java.util.stream.Stream.of(email.to(), email.cc(), email.bcc())
              .flatMap(List::stream)
              .map(a -> a.toLowerCase(Locale.ROOT))
              .sorted()
              .findFirst()
              .map(a -> "to:" + a)
              .orElse("intent:" + email.intentId());
    }
    return Math.floorMod(order.hashCode(), Math.max(1, lanes));
  }

  private List<Result> inOrder(List<Work> sequence, Instant pausedUntil, AtomicBoolean held) {
    List<Result> results = new ArrayList<>(sequence.size());
    for (Work work : sequence) {
      if (held.get()) {
        results.add(new Result(work, new Verdict.Deferred(pausedUntil)));
        continue;
      }
      Verdict verdict = sender.attempt(work.email());
      results.add(new Result(work, verdict));
      if (verdict.holdsMailbox()) {
        held.set(true);
      }
    }
    return results;
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
