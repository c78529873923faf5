package dev.mailgate.outbound.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** outbound-service settings ({@code mailgate.outbound.*}). */
@ConfigMapping(prefix = "mailgate.outbound")
public interface OutboundConfig {

  Retry retry();

  Quota quota();

  Health health();

  Follow follow();

  /**
   * Public keys that approvals must be signed with (X.509 PEM texts, from {@code openssl pkey
   * -pubout}); with {@link #approvalKeyFiles()} at least one is required. Any of them verifies, so
   * a new key is added here before approval-service switches to it.
   */
  Optional<List<String>> approvalKeys();

  /** Files holding such public keys ({@code classpath:} in tests). */
  Optional<List<String>> approvalKeyFiles();

  /** How many deliveries are made in parallel at most, across mailboxes and their lanes. */
  @WithDefault("16")
  int concurrency();

  /**
   * Lanes per mailbox delivered to in parallel. Mail of one thread, or else to the same first
   * recipient, shares a lane and keeps its order; 1 delivers each mailbox strictly in order.
   */
  @WithDefault("4")
  int lanesPerMailbox();

  /** Backoff for transient failures (5xx, timeouts, connection errors, 429). */
  interface Retry {

    /** Delay before the second try; doubles per failure, with full jitter. */
    @WithDefault("1s")
    Duration initialDelay();

    /** Longest delay between two tries. */
    @WithDefault("5m")
    Duration maxDelay();

    /**
     * Tries before a delivery is given up as {@code failed} (rate limits and quota not counted).
     */
    @WithDefault("20")
    int maxAttempts();

    /** A longer {@code Retry-After} than this is shortened to it. */
    @WithDefault("1h")
    Duration maxRetryAfter();

    /** How often waiting deliveries are looked at. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Waiting deliveries taken per look. */
    @WithDefault("200")
    int batchSize();

    /** How long a taken delivery is reserved for this instance before another may take it. */
    @WithDefault("2m")
    Duration lease();

    /** How long MultiMail remembers an idempotency key (its documented 24 hours). */
    @WithDefault("24h")
    Duration idempotencyWindow();

    /**
     * How long before the window ends a delivery whose earlier try may have reached MultiMail stops
     * being retried and waits for an operator ({@code unknown}); covers clock skew and the time a
     * try takes.
     */
    @WithDefault("1h")
    Duration idempotencyMargin();
  }

  /** Quota exhaustion: MultiMail says "until the 1st"; we ask again sooner. */
  interface Quota {

    /** How often one delivery of a quota-paused mailbox probes whether MultiMail accepts again. */
    @WithDefault("10m")
    Duration probeInterval();
  }

  /**
   * Following sent email to its final status at MultiMail (delivered, bounced, rejected by its
   * reviewer, failed), announced on {@code mail.outcomes}.
   */
  interface Follow {

    /** Whether sent email is followed at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Whether the mailboxes' modes at MultiMail are read at start, with a warning for each that
     * would hold or refuse what MailGate approved.
     */
    @WithDefault("true")
    boolean checkModes();

    /** The first look after MultiMail accepted an email; doubles per look up to the maximum. */
    @WithDefault("30s")
    Duration firstCheck();

    /** Longest time between two looks. */
    @WithDefault("30m")
    Duration maxInterval();

    /** How long an email is followed at most (MultiMail's reviewer may take days). */
    @WithDefault("7d")
    Duration followFor();

    /** How often due looks are searched for. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Emails looked at per round. */
    @WithDefault("50")
    int batchSize();

    /** How long a taken email is reserved for this instance. */
    @WithDefault("2m")
    Duration lease();
  }

  /** The readiness check on MultiMail. */
  interface Health {

    /** Readiness fails once MultiMail has not answered (or answered 5xx) for this long. */
    @WithDefault("60s")
    Duration unreachableThreshold();

    /** Whether to call MultiMail ({@code GET /v1/account}) when no delivery has for a while. */
    @WithDefault("true")
    boolean probeWhenIdle();

    /** Idle time after which the probe calls. */
    @WithDefault("30s")
    Duration probeInterval();
  }
}
