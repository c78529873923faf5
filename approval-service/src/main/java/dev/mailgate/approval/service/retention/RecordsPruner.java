package dev.mailgate.approval.service.retention;

import dev.mailgate.outbox.loop.WakeableLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Deletes what {@link RetentionConfig} says is old enough, in batches of {@code batch-size}, off
 * the consumers' path: every {@code every}, and again at once while a batch came back full. Each
 * table is counted in {@code mailgate_approval_pruned_total{table}}.
 */
@ApplicationScoped
public class RecordsPruner {

  /** One kind of settled row: its table, its age column and what "settled" means. */
  record Target(String table, String settled, Duration retention) {

    String sql() {
      return "DELETE FROM "
          + table
          + " WHERE ctid IN (SELECT ctid FROM "
          + table
          + " WHERE "
          + settled
          + " LIMIT ?)";
    }
  }

  private final DataSource dataSource;
  private final RetentionConfig config;
  private final ManagedExecutor executor;
  private final MeterRegistry registry;
  private final List<Target> targets;
  private final WakeableLoop loop;
  private final Clock clock = Clock.systemUTC();

  public RecordsPruner(
      DataSource dataSource,
      RetentionConfig config,
      ManagedExecutor executor,
      MeterRegistry registry) {
    this.dataSource = dataSource;
    this.config = config;
    this.executor = executor;
    this.registry = registry;
    this.targets =
        List.of(
            new Target(
                "intent",
                "received_at < ? AND state NOT IN ('held', 'conflict') AND NOT review_after",
                atLeastMinimum("decided-intents", config.decidedIntents())),
            new Target(
                "inbound_email",
                "received_at < ? AND state <> 'held'",
                atLeastMinimum("inbound", config.inbound())),
            new Target(
                "review_notification",
                "created_at < ? AND (sent_at IS NOT NULL OR failed_at IS NOT NULL)",
                atLeastMinimum("notifications", config.notifications())));
    this.loop =
        new WakeableLoop(
            "records-pruner",
            config.every().isZero() ? Duration.ofHours(1) : config.every(),
            Duration.ofMinutes(5),
            this::pruneOnce);
  }

  void start(@Observes StartupEvent event) {
    if (config.every().isZero()) {
      Log.info("retention pruning is off (mailgate.approval.retention.every=0)");
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
    for (Target target : targets) {
      if (target.retention().isZero()) {
        continue;
      }
      int deleted = delete(target);
      registry.counter("mailgate.approval.pruned", "table", target.table()).increment(deleted);
      if (deleted > 0) {
        Log.debugf("pruned %d %s rows older than %s", deleted, target.table(), target.retention());
      }
      more |= deleted >= config.batchSize();
    }
    return more;
  }

  private int delete(Target target) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(target.sql())) {
      delete.setTimestamp(1, Timestamp.from(clock.instant().minus(target.retention())));
      delete.setInt(2, config.batchSize());
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not prune " + target.table(), e);
    }
  }

  private static Duration atLeastMinimum(String name, Duration retention) {
    if (!retention.isZero() && retention.compareTo(RetentionConfig.MINIMUM) < 0) {
      Log.warnf(
          "mailgate.approval.retention.%s=%s is below the minimum; keeping rows for %s",
          name, retention, RetentionConfig.MINIMUM);
      return RetentionConfig.MINIMUM;
    }
    return retention;
  }
}
