package dev.mailgate.outbox;

import dev.mailgate.outbox.retention.AgedRows;
import dev.mailgate.outbox.retention.RetentionTargets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Processed-event marks older than {@code mailgate.outbox.processed-events.retention} are settled
 * rows: the retention pruner deletes them with every service's own.
 */
@ApplicationScoped
public class ProcessedMarks implements RetentionTargets {

  private final List<AgedRows> rows;

  public ProcessedMarks(OutboxConfig config) {
    this.rows =
        List.of(
            new AgedRows(
                "processed_event", "processed_at < ?", config.processedEvents().retention()));
  }

  @Override
  public List<AgedRows> agedRows() {
    return rows;
  }
}
