package dev.mailgate.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
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

  /** The key of the chain links and anchors. */
  Integrity integrity();

  /** Checkpoints of the chains kept outside the database. */
  Anchors anchors();

  /**
   * The integrity key: base64 of at least 32 random bytes ({@code openssl rand -base64 32}), held
   * by audit-service only, never by the database. One of the two is required.
   */
  interface Integrity {
    /** The key itself (env {@code MAILGATE_AUDIT_INTEGRITY_KEY}); no default. */
    Optional<String> key();

    /** A file holding the key (env {@code MAILGATE_AUDIT_INTEGRITY_KEY_FILE}); no default. */
    Optional<Path> keyFile();
  }

  /** Signed checkpoints of every chain head, on {@code mail.audit-anchors} and in a file. */
  interface Anchors {
    /** How often changed chain heads are anchored, e.g. {@code 30s}; {@code off} disables it. */
    @WithDefault("30s")
    String every();

    /** A file each anchor is appended to (one JSON line); absent (the default): topic only. */
    Optional<Path> file();
  }

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
