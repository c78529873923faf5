package dev.mailgate.approval.service.retention;

import dev.mailgate.outbox.retention.AgedRows;
import dev.mailgate.outbox.retention.RetentionTargets;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * approval-service's settled rows for the retention pruner: decided intents (their recipients go
 * with them), decided inbound mail, finished notifications. Retentions under two days are raised to
 * two days: duplicates and conflicts are compared within a day.
 */
@ApplicationScoped
public class SettledRows implements RetentionTargets {

  static final Duration MINIMUM = Duration.ofDays(2);

  private final List<AgedRows> rows;

  public SettledRows(RetentionConfig config) {
    this.rows =
        List.of(
            new AgedRows(
                "intent",
                "received_at < ? AND state NOT IN ('held', 'conflict') AND NOT review_after",
                atLeastMinimum("decided-intents", config.decidedIntents())),
            new AgedRows(
                "inbound_email",
                "received_at < ? AND state <> 'held'",
                atLeastMinimum("inbound", config.inbound())),
            new AgedRows(
                "review_notification",
                "created_at < ? AND (sent_at IS NOT NULL OR failed_at IS NOT NULL)",
                atLeastMinimum("notifications", config.notifications())));
  }

  @Override
  public List<AgedRows> agedRows() {
    return rows;
  }

  private static Duration atLeastMinimum(String name, Duration retention) {
    if (!retention.isZero() && retention.compareTo(MINIMUM) < 0) {
      Log.warnf(
          "mailgate.approval.retention.%s=%s is below the minimum; keeping rows for %s",
          name, retention, MINIMUM);
      return MINIMUM;
    }
    return retention;
  }
}
