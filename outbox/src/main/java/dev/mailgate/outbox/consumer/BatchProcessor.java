package dev.mailgate.outbox.consumer;

import dev.mailgate.outbox.logging.LogContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The one consumer plumbing of every service. A polled batch is applied together; an infrastructure
 * failure makes it wait and try the same records again, for as long as it lasts (offsets stay
 * uncommitted, readiness is DOWN); any other failure splits the batch, and a record that still
 * fails alone, with the infrastructure healthy, goes to its dead-letter topic. An unreadable record
 * is dead-lettered at once. Returning means every record is applied or dead-lettered, so the
 * caller's offsets may be committed.
 */
@ApplicationScoped
public class BatchProcessor {

  private final Infrastructure infrastructure;
  private final DeadLetters deadLetters;

  public BatchProcessor(Infrastructure infrastructure, DeadLetters deadLetters) {
    this.infrastructure = infrastructure;
    this.deadLetters = deadLetters;
  }

  /**
   * Applies {@code batch} in one transaction per try (the handler's writes, its outbox events and
   * the dead letters of unreadable records commit together).
   */
  public <T> void inTransaction(String consumer, List<Received<T>> batch, BatchHandler<T> handler) {
    run(consumer, batch, handler, true);
  }

  /**
   * Applies {@code batch} with a handler that owns its transactions (e.g. one that calls an API
   * between two); unreadable records are dead-lettered in a transaction of their own first.
   */
  public <T> void process(String consumer, List<Received<T>> batch, BatchHandler<T> handler) {
    run(consumer, batch, handler, false);
  }

  private <T> void run(
      String consumer, List<Received<T>> batch, BatchHandler<T> handler, boolean transactional) {
    if (batch.isEmpty()) {
      return;
    }
    if (batch.size() == 1) {
      try (LogContext context = LogContext.of(batch.get(0).ref())) {
        runInContext(consumer, batch, handler, transactional);
      }
    } else {
      runInContext(consumer, batch, handler, transactional);
    }
  }

  private <T> void runInContext(
      String consumer, List<Received<T>> batch, BatchHandler<T> handler, boolean transactional) {
    List<Received<T>> readable = new ArrayList<>(batch.size());
    List<Received<T>> unreadable = new ArrayList<>();
    batch.forEach(r -> (r.isReadable() ? readable : unreadable).add(r));
    try {
      infrastructure.retrying(
          consumer,
          () -> {
            if (transactional) {
              inNewTransaction(
                  () -> {
                    deadLetter(consumer, unreadable);
                    applyIfAny(handler, readable);
                  });
            } else {
              if (!unreadable.isEmpty()) {
                inNewTransaction(() -> deadLetter(consumer, unreadable));
                unreadable.clear();
              }
              applyIfAny(handler, readable);
            }
          });
    } catch (RuntimeException failure) {
      Log.warnf(
          "%s: a batch of %d records failed (%s); applying them one by one",
          consumer, batch.size(), Problems.describe(failure));
      unreadable.forEach(
          r ->
              infrastructure.retrying(
                  consumer,
                  () -> inNewTransaction(() -> deadLetters.send(consumer, r, r.problem()))));
      readable.forEach(r -> alone(consumer, r, handler, transactional));
    }
  }

  private <T> void alone(
      String consumer, Received<T> record, BatchHandler<T> handler, boolean transactional) {
    try (LogContext context = LogContext.of(record.ref())) {
      aloneInContext(consumer, record, handler, transactional);
    }
  }

  private <T> void aloneInContext(
      String consumer, Received<T> record, BatchHandler<T> handler, boolean transactional) {
    try {
      infrastructure.retrying(
          consumer,
          () -> {
            if (transactional) {
              inNewTransaction(() -> handler.handle(List.of(record)));
            } else {
              handler.handle(List.of(record));
            }
          });
    } catch (RuntimeException failure) {
      Log.errorf(
          failure,
          "%s: %s failed on its own with healthy infrastructure",
          consumer,
          record.ref().position());
      infrastructure.retrying(
          consumer,
          () ->
              inNewTransaction(
                  () -> {
                    if (!handler.poisoned(record, failure)) {
                      deadLetters.send(consumer, record, failure);
                    }
                  }));
    }
  }

  private <T> void deadLetter(String consumer, List<Received<T>> unreadable) {
    unreadable.forEach(r -> deadLetters.send(consumer, r, r.problem()));
  }

  private static <T> void applyIfAny(BatchHandler<T> handler, List<Received<T>> readable) {
    if (!readable.isEmpty()) {
      handler.handle(readable);
    }
  }

  private static void inNewTransaction(Runnable work) {
    QuarkusTransaction.requiringNew().run(work);
  }
}
