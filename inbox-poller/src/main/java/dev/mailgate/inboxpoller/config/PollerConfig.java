package dev.mailgate.inboxpoller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the inbox poller ({@code mailgate.poller.*}). */
@ConfigMapping(prefix = "mailgate.poller")
public interface PollerConfig {

  /** Whether polling starts with the application (the webhook endpoint works either way). */
  @WithDefault("true")
  boolean enabled();

  /** The MultiMail mailbox ids to poll; comma-separated. Nothing else is ever polled. */
  Optional<List<String>> mailboxes();

  /** Pause between two successful polls of one mailbox. */
  @WithDefault("30s")
  Duration interval();

  /** A random extra pause of up to this much, so mailboxes and instances do not poll in step. */
  @WithDefault("5s")
  Duration jitter();

  /**
   * Per-mailbox interval and jitter, e.g. {@code mailgate.poller.overrides."mbx_a".interval=5s}.
   */
  Map<String, MailboxOverride> overrides();

  /** Emails listed per request (MultiMail allows 1..100); each page is one transaction. */
  @WithDefault("50")
  int pageSize();

  /** Threads polling at once; a slow or failing mailbox holds at most one of them. */
  @WithDefault("4")
  int threads();

  /** How long a poll may own a mailbox before another instance may take it over. */
  @WithDefault("2m")
  Duration leaseTtl();

  Backoff backoff();

  Webhook webhook();

  /** Readiness is DOWN when every mailbox has failed for longer than this. */
  @WithDefault("5m")
  Duration unhealthyAfter();

  /** Interval and jitter of one mailbox. */
  interface MailboxOverride {
    Optional<Duration> interval();

    Optional<Duration> jitter();
  }

  /** Pauses after failures: doubling from {@code initial}, at most {@code max}. */
  interface Backoff {
    @WithDefault("1s")
    Duration initial();

    @WithDefault("5m")
    Duration max();
  }

  /** MultiMail's signed webhook notifications. */
  interface Webhook {
    /** The subscription's whole {@code whsec_...} secret; without it every webhook gets 401. */
    Optional<String> signingSecret();

    /** Notifications older (or further in the future) than this are refused as replays. */
    @WithDefault("5m")
    Duration tolerance();

    /** Largest body accepted. */
    @WithDefault("65536")
    int maxBytes();
  }
}
