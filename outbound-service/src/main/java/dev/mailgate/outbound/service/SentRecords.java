package dev.mailgate.outbound.service;

import dev.mailgate.outbox.retention.AgedRows;
import dev.mailgate.outbox.retention.RetentionTargets;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * outbound-service's settled rows for the retention pruner: the record that an intent was sent
 * (what makes a redelivered approval a no-op) and old quota announcements. Deliveries still waiting
 * or parked are live work and never pruned.
 */
@ApplicationScoped
public class SentRecords implements RetentionTargets {

  /** How long outbound-service keeps settled rows ({@code mailgate.outbound.retention.*}). */
  @ConfigMapping(prefix = "mailgate.outbound.retention")
  public interface Config {

    /**
     * Sent intents, by when MultiMail accepted them: keep longer than Kafka keeps {@code
     * mail.approved} (a redelivery after that is sent only once more if MultiMail's own idempotency
     * key has expired too, after 24 h). 0 keeps them forever.
     */
    @WithDefault("30d")
    Duration sentIntents();

    /** Quota announcements (one per mailbox and month). 0 keeps them forever. */
    @WithDefault("400d")
    Duration quotaAnnouncements();
  }

  private final List<AgedRows> rows;

  public SentRecords(Config config) {
    this.rows =
        List.of(
            new AgedRows("sent_intent", "accepted_at < ?", config.sentIntents()),
            new AgedRows("quota_announcement", "announced_at < ?", config.quotaAnnouncements()));
  }

  @Override
  public List<AgedRows> agedRows() {
    return rows;
  }
}
