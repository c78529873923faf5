package dev.mailgate.multimail.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach MultiMail. The API key is a secret: it never appears in {@link
 * #toString()}, in logs or in exception messages.
 *
 * @param baseUrl API root without the {@code /v1} prefix, e.g. {@code https://api.multimail.dev}
 * @param apiKey bearer key ({@code mm_live_...})
 * @param connectTimeout time allowed to open the TCP connection
 * @param requestTimeout time allowed for one request, from sending to the response headers
 */
public record MultiMailConfig(
    URI baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://api.multimail.dev");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public MultiMailConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be absolute: " + baseUrl);
    }
    connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
    requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT, "requestTimeout");
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "MultiMailConfig[baseUrl="
        + baseUrl
        + ", apiKey=****, connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + "]";
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  /** Builder with the production defaults. */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private String apiKey;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    private Builder() {}

    public Builder baseUrl(String baseUrl) {
      return baseUrl(URI.create(baseUrl));
    }

    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public MultiMailConfig build() {
      return new MultiMailConfig(baseUrl, apiKey, connectTimeout, requestTimeout);
    }

    @Override
    public String toString() {
      return "MultiMailConfig.Builder[baseUrl=" + baseUrl + ", apiKey=****]";
    }
  }
}
