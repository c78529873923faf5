package dev.mailgate.support.multimail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * Where MultiMail is and how long a call may take ({@code mailgate.multimail.*}); the same for
 * every service that calls it. The real API with {@code MULTIMAIL_BASE_URL} and {@code
 * MULTIMAIL_API_KEY}, the local sandbox by default.
 */
@ConfigMapping(prefix = "mailgate.multimail")
public interface MultiMailSettings {

  /** API root without {@code /v1}. */
  @WithDefault("${MULTIMAIL_BASE_URL:http://127.0.0.1:8090}")
  URI baseUrl();

  /** Bearer key; a secret, never logged. */
  @WithDefault("${MULTIMAIL_API_KEY:mm_sandbox_key}")
  String apiKey();

  @WithDefault("5s")
  Duration connectTimeout();

  /** Past this a call counts as timed out (its outcome unknown). */
  @WithDefault("30s")
  Duration requestTimeout();
}
