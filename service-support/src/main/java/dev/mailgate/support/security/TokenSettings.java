package dev.mailgate.support.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What a bearer token must be, beyond a valid signature, before a service trusts it. */
@ConfigMapping(prefix = "mailgate.security")
public interface TokenSettings {

  /**
   * The audience this service accepts: a token's {@code aud} claim must name it, so a token minted
   * for one service is refused by the others.
   */
  String audience();

  /**
   * The longest lifetime a token may have been issued for ({@code exp - iat}); longer-lived tokens
   * are refused even while unexpired.
   */
  @WithDefault("PT24H")
  Duration maxTokenLifetime();

  /**
   * A file of revoked token ids ({@code jti}), one per line ({@code #} starts a comment), re-read
   * when it changes. Absent: nothing is revoked.
   */
  Optional<String> revokedTokensFile();
}
