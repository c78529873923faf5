package dev.mailgate.approval.service.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long approval-service keeps what is settled ({@code mailgate.approval.retention.*}; when the
 * pruner runs is {@code mailgate.retention.*}). Nothing still waiting for a person is ever pruned:
 * held and conflict items, monitored mail not yet acknowledged, held inbound mail, notifications
 * not yet sent.
 */
@ConfigMapping(prefix = "mailgate.approval.retention")
public interface RetentionConfig {

  /**
   * Decided intents (approved, rejected, duplicate, expired, invalid) by the time they arrived; a
   * replay of a pruned intent id is taken as new, so keep this longer than Kafka keeps {@code
   * mail.intents}. 0 keeps them forever.
   */
  @WithDefault("90d")
  Duration decidedIntents();

  /** Released or rejected inbound mail by the time it arrived; 0 keeps it forever. */
  @WithDefault("90d")
  Duration inbound();

  /** Sent or given-up reviewer notifications by the time they were queued; 0 keeps them. */
  @WithDefault("30d")
  Duration notifications();
}
