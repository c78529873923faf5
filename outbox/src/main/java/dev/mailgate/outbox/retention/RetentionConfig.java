package dev.mailgate.outbox.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When {@link RetentionPruner} runs ({@code mailgate.retention.*}); each service says what. */
@ConfigMapping(prefix = "mailgate.retention")
public interface RetentionConfig {

  /** How often the pruner looks; 0 turns pruning off. */
  @WithDefault("1h")
  Duration every();

  /** Rows deleted per statement, so pruning never holds long locks. */
  @WithDefault("2000")
  int batchSize();
}
