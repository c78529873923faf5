package dev.mailgate.outbox;

import dev.mailgate.outbox.loop.WakeableLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Deletes processed-event marks older than {@code mailgate.outbox.processed-events.retention}, in
 * batches of {@code batch-size} off the consumers' path, every {@code every} (and at once again
 * while a full batch was deleted). Counted as {@code
 * mailgate_outbox_processed_events_pruned_total}.
 */
@ApplicationScoped
public class ProcessedEventsPruner {

  private final ProcessedEvents processed;
  private final OutboxConfig.ProcessedEventsRetention config;
  private final ManagedExecutor executor;
  private final Counter pruned;
  private final Clock clock = Clock.systemUTC();
  private final WakeableLoop loop;

  public ProcessedEventsPruner(
      ProcessedEvents processed,
      OutboxConfig config,
      ManagedExecutor executor,
      MeterRegistry registry) {
    this.processed = processed;
    this.config = config.processedEvents();
    this.executor = executor;
    this.pruned = registry.counter("mailgate.outbox.processed.events.pruned");
    this.loop =
        new WakeableLoop(
            "processed-events-pruner",
            this.config.every().isZero() ? Duration.ofHours(1) : this.config.every(),
            Duration.ofMinutes(5),
            this::pruneOnce);
  }

  void start(@Observes StartupEvent event) {
    if (config.every().isZero()) {
      Log.info("processed-event pruning is off (mailgate.outbox.processed-events.every=0)");
      return;
    }
    loop.start(executor);
  }

  void stop(@Observes ShutdownEvent event) {
    loop.stop(Duration.ofSeconds(5));
  }

  /** Deletes one batch of expired marks; returns whether a full batch went (more may wait). */
  public boolean pruneOnce() {
    int deleted =
        processed.pruneBefore(clock.instant().minus(config.retention()), config.batchSize());
    pruned.increment(deleted);
    if (deleted > 0) {
      Log.debugf("pruned %d processed-event marks older than %s", deleted, config.retention());
    }
    return deleted >= config.batchSize();
  }
}
