package dev.mailgate.outbox.retention;

import dev.mailgate.outbox.loop.WakeableLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Deletes every {@link RetentionTargets} bean's aged rows in batches of {@code batch-size}, off the
 * consumers' path: every {@code every}, and again at once while a batch came back full. Counted per
 * table in {@code mailgate_pruned_rows_total{table}}.
 */
@ApplicationScoped
public class RetentionPruner {

  private final DataSource dataSource;
  private final RetentionConfig config;
  private final Instance<RetentionTargets> targets;
  private final ManagedExecutor executor;
  private final MeterRegistry registry;
  private final Clock clock;
  private final WakeableLoop loop;

  public RetentionPruner(
      DataSource dataSource,
      RetentionConfig config,
      Instance<RetentionTargets> targets,
      ManagedExecutor executor,
      MeterRegistry registry,
      Clock clock) {
    this.clock = clock;
    this.dataSource = dataSource;
    this.config = config;
    this.targets = targets;
    this.executor = executor;
    this.registry = registry;
    this.loop =
        new WakeableLoop(
            "retention-pruner",
            config.every().isZero() ? Duration.ofHours(1) : config.every(),
            Duration.ofMinutes(5),
            this::pruneOnce);
  }

  void start(@Observes StartupEvent event) {
    if (config.every().isZero()) {
      Log.info("retention pruning is off (mailgate.retention.every=0)");
      return;
    }
    if (targets.isUnsatisfied()) {
      return;
    }
    loop.start(executor);
  }

  void stop(@Observes ShutdownEvent event) {
    loop.stop(Duration.ofSeconds(5));
  }

  /** Deletes one batch of each kind; returns whether any batch was full (more may wait). */
  public boolean pruneOnce() {
    boolean more = false;
    for (RetentionTargets source : targets) {
      for (AgedRows rows : source.agedRows()) {
        int deleted = rows.prune(dataSource, clock.instant(), config.batchSize());
        registry.counter("mailgate.pruned.rows", "table", rows.table()).increment(deleted);
        if (deleted > 0) {
          Log.debugf("pruned %d %s rows older than %s", deleted, rows.table(), rows.retention());
        }
        more |= deleted >= config.batchSize();
      }
    }
    return more;
  }

  /** Every aged-rows kind of this service, for documentation and tests. */
  public List<AgedRows> kinds() {
    return targets.stream().flatMap(t -> t.agedRows().stream()).toList();
  }
}
