package dev.mailgate.approval.service.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Reviewer notifications ({@code mailgate.approval.notifications.*}). */
@ConfigMapping(prefix = "mailgate.approval.notifications")
public interface NotificationConfig {

  /** Whether webhooks are sent at all (queued notifications wait while off). */
  @WithDefault("true")
  boolean enabled();

  /** A pending item is announced as expiring this long before its expiry. */
  @WithDefault("1h")
  Duration expiringBefore();

  /** How often pending items are scanned for those about to expire. */
  @WithDefault("60s")
  Duration scanEvery();

  /** Tries per notification before it is given up (logged and counted). */
  @WithDefault("8")
  int maxAttempts();

  /** The first retry's delay; it doubles per failure up to {@link #maxDelay()}. */
  @WithDefault("5s")
  Duration initialDelay();

  @WithDefault("10m")
  Duration maxDelay();

  /** How long one webhook call may take. */
  @WithDefault("5s")
  Duration timeout();

  /** The review console as reviewers reach it, for the link in each notification. */
  @WithDefault("http://127.0.0.1:8081/console")
  String consoleUrl();
}
