package dev.mailgate.approval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** approval-service settings ({@code mailgate.approval.*}). */
@ConfigMapping(prefix = "mailgate.approval")
public interface ApprovalConfig {

  /** The declarative policy file applied at start (YAML); absent = no seeding. */
  Optional<String> seedFile();

  /** Whether the seed file overwrites mailboxes that already exist (default: only creates). */
  @WithDefault("false")
  boolean seedOverwrites();

  /** How often pending items are checked for expiry. */
  @WithDefault("30s")
  Duration expiryInterval();

  /** Most items expired per check and transaction. */
  @WithDefault("500")
  int expiryBatchSize();

  /** Largest page a list endpoint returns. */
  @WithDefault("200")
  int maxPageSize();

  /** Agent credentials and the binding of intents to them. */
  Agents agents();

  /** How intents are bound to the agent credentials that signed them. */
  interface Agents {

    /**
     * Whether an intent must carry a valid agent signature; unsigned intents are then rejected with
     * a reason. Off only for local experiments.
     */
    @WithDefault("true")
    boolean requireSignature();

    /**
     * The secret agents' signing keys derive from (base64, at least 32 bytes): key = HMAC-SHA256
     * (secret, agent id). Never stored in the database.
     */
    Optional<String> secret();

    /** A file holding {@link #secret()}, as an alternative to the value. */
    Optional<String> secretFile();
  }
}
