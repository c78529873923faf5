package dev.mailgate.outbox.consumer;

import dev.mailgate.outbox.loop.Backoff;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Waits out infrastructure failures: runs work again and again, with backoff, for as long as it
 * fails because the database (or broker) is away, and reports the wait to readiness meanwhile. A
 * failure is transient when {@link Failures} says so or when the database does not answer a probe
 * right after it; anything else is the caller's to handle.
 */
@ApplicationScoped
public class Infrastructure {

  /** One wait in progress: who waits, since when, on what. */
  public record Wait(String who, Instant since, String cause) {}

  private final DataSource dataSource;
  private final ConsumerConfig config;
  private final Backoff backoff;
  private final Map<String, Wait> waits = new ConcurrentHashMap<>();
  private final MeterRegistry metrics;

  private final Clock clock;

  public Infrastructure(
      DataSource dataSource, ConsumerConfig config, MeterRegistry metrics, Clock clock) {
    this.clock = clock;
    this.dataSource = dataSource;
    this.config = config;
    this.metrics = metrics;
    this.backoff = Backoff.between(config.retryInitial(), config.retryMax());
    metrics.gaugeMapSize("mailgate.consumer.waiting", java.util.List.of(), waits);
  }

  /**
   * Runs {@code work} until it succeeds or fails for a reason other than the infrastructure; in the
   * latter case that failure is thrown.
   */
  public <T> T retrying(String who, Callable<T> work) {
    int failures = 0;
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return work.call();
        } catch (Exception e) {
          if (!isTransient(e)) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
          }
          failures++;
          Duration pause = backoff.delay(failures);
          if (waits.putIfAbsent(who, new Wait(who, clock.instant(), Problems.describe(e)))
              == null) {
            Log.warnf("%s waits for the infrastructure: %s", who, Problems.describe(e));
          }
          metrics.counter("mailgate.consumer.retries", "consumer", who).increment();
          // An interrupt (shutdown) does not end the wait: giving up would commit or dead-letter
          // records that were never applied. The process ends around it; offsets stay.
          interrupted |= Thread.interrupted();
          LockSupport.parkNanos(pause.toNanos());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (waits.remove(who) != null) {
        Log.infof("%s goes on: the infrastructure answers again", who);
      }
    }
  }

  /** Runs {@code work} like {@link #retrying(String, Callable)}. */
  public void retrying(String who, Runnable work) {
    retrying(
        who,
        () -> {
          work.run();
          return null;
        });
  }

  /** Whether {@code failure} is the infrastructure's: by its type, else by probing the database. */
  public boolean isTransient(Throwable failure) {
    return Failures.isTransient(failure) || !databaseAnswers();
  }

  /** Whether the database hands out a working connection within the probe timeout. */
  public boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid((int) Math.max(1, config.probeTimeout().toSeconds()));
    } catch (Exception e) {
      return false;
    }
  }

  /** The waits in progress, for readiness. */
  public Map<String, Wait> waits() {
    return Map.copyOf(waits);
  }
}
