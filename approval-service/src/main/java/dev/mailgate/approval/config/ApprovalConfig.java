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
}
