package dev.mailgate.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox and its relay ({@code mailgate.outbox.*}). */
@ConfigMapping(prefix = "mailgate.outbox")
public interface OutboxConfig {

  Relay relay();

  /**
   * The largest record (value, key and headers) a service writes to the outbox; below Kafka's
   * default limits (broker {@code message.max.bytes} 1,048,588, producer {@code max.request.size}
   * 1,048,576), so a default broker takes everything MailGate produces.
   */
  @WithDefault("1040000")
  int maxRecordBytes();

  /** Pruning of the processed-event marks. */
  ProcessedEventsRetention processedEvents();

  /**
   * How long processed-event marks are kept (pruned by {@link
   * dev.mailgate.outbox.retention.RetentionPruner}, {@code mailgate.retention.*}).
   */
  interface ProcessedEventsRetention {

    /**
     * Marks older than this are deleted. Keep it longer than the consumed topics' retention
     * (Kafka's default is 7 days) and than any dead-letter replay you may run: an event delivered
     * again after its mark is gone is applied again (each service's own state still refuses a
     * second delivery or decision of one intent).
     */
    @WithDefault("30d")
    Duration retention();
  }

  /** The relay thread. */
  interface Relay {

    /** Whether this instance relays at all; off only in tests that prove the outbox survives. */
    @WithDefault("true")
    boolean enabled();

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for a commit's wake-up before looking anyway. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The longest pause between tries while Kafka or the database fails. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** Readiness goes DOWN once the relay has failed to publish for this long. */
    @WithDefault("60s")
    Duration stuckAfter();
  }
}
