package dev.mailgate.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the audit trail ({@code mailgate.audit.*}). */
@ConfigMapping(prefix = "mailgate.audit")
public interface AuditConfig {

  /** How long rows are kept; absent (the default) keeps every row forever. */
  Optional<Duration> retention();

  /** The periodic verification of every chain. */
  SelfCheck selfCheck();

  /** The query API. */
  Query query();

  /** The periodic self-check. */
  interface SelfCheck {
    /** How often every chain is verified, e.g. {@code 15m}; {@code off} disables it. */
    @WithDefault("15m")
    String every();
  }

  /** Limits of the query API. */
  interface Query {
    /** The page size when a request names none. */
    @WithDefault("100")
    int defaultLimit();

    /** The largest page a request may ask for. */
    @WithDefault("1000")
    int maxLimit();

    /** Rows read per database round trip by export and verify. */
    @WithDefault("1000")
    int scanPageSize();
  }
}
