package dev.mailgate.outbox.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers wait out infrastructure failures ({@code mailgate.consumer.*}). */
@ConfigMapping(prefix = "mailgate.consumer")
public interface ConsumerConfig {

  /** First pause after an infrastructure failure; doubles per failure in a row. */
  @WithDefault("100ms")
  Duration retryInitial();

  /** Longest pause between two tries while the infrastructure fails. */
  @WithDefault("5s")
  Duration retryMax();

  /** How long the database may take to answer the check that tells transient from poison. */
  @WithDefault("2s")
  Duration probeTimeout();
}
