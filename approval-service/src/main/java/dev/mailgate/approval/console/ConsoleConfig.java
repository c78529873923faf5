package dev.mailgate.approval.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the review console served under {@code /console}. */
@ConfigMapping(prefix = "mailgate.approval.console")
public interface ConsoleConfig {

  /**
   * The key that binds CSRF tokens to sessions (any text, 32+ characters). Absent: a random key per
   * start, so pages opened before a restart must be reloaded; set it when several instances serve
   * the console behind one address.
   */
  Optional<String> csrfKey();

  /** Whether the session cookie is marked {@code Secure} (set it when served over HTTPS). */
  @WithDefault("false")
  boolean secureCookie();

  /** Items per queue page. */
  @WithDefault("50")
  int pageSize();

  /** How often the queue page asks for fresh rows, in seconds. */
  @WithDefault("5")
  int pollSeconds();

  /** Where the audit-service answers, for the item page's timeline and chain badge. */
  @WithDefault("http://127.0.0.1:8084")
  String auditUrl();

  /** How long the console waits for audit-service before the trail says it is unavailable. */
  @WithDefault("3s")
  Duration auditTimeout();

  /** How long a mailbox's chain verification is shown before it is asked for again. */
  @WithDefault("30s")
  Duration chainCache();
}
