package dev.mailgate.multimail.sandbox.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Sandbox settings ({@code sandbox.*}, or {@code SANDBOX_*} environment variables). Everything a
 * fresh sandbox needs has a default, so it answers at once.
 */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

  /** Accepted API keys (Bearer or X-API-Key). Env: {@code SANDBOX_API_KEYS=k1,k2}. */
  @WithDefault("mm_sandbox_key")
  List<String> apiKeys();

  /**
   * Seed mailboxes, each {@code id:address:oversight_mode}. Env: {@code
   * SANDBOX_MAILBOXES=mbx_a:a@sandbox.local:autonomous,mbx_b:b@sandbox.local:gated_send}.
   */
  @WithDefault(
      "mbx_sandbox:agent@sandbox.multimail.local:autonomous,"
          + "mbx_gated:gated@sandbox.multimail.local:gated_send")
  List<MailboxSeed> mailboxes();

  Account account();

  RateLimit rateLimit();

  Webhooks webhooks();

  TestControls testControls();

  /** How long an idempotency key is remembered (MultiMail: 24 h). */
  @WithDefault("24h")
  Duration idempotencyTtl();

  /** Window in which an identical reply is a 409 (MultiMail: 60 s). */
  @WithDefault("60s")
  Duration replyDedupWindow();

  /** The single sandbox account. */
  interface Account {
    @WithDefault("MailGate Sandbox")
    String name();

    @WithDefault("builder")
    String plan();

    @WithDefault("operator@sandbox.multimail.local")
    String oversightEmail();

    /** Outbound emails per calendar month; the 429 carries "quota" in its error text. */
    @WithDefault("5000")
    int monthlyQuota();
  }

  /** Requests per API key per window; beyond it, 429 with Retry-After. */
  interface RateLimit {
    @WithDefault("1200")
    int requests();

    @WithDefault("60s")
    Duration window();
  }

  /** Webhook delivery: attempts = 1 + maxRetries, backoff doubling from initialBackoff. */
  interface Webhooks {
    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("3")
    int maxRetries();

    @WithDefault("5s")
    Duration timeout();
  }

  /** The {@code /sandbox/*} endpoints (inject, faults, deliveries, reset); 404 when off. */
  interface TestControls {
    @WithDefault("false")
    boolean enabled();
  }
}
