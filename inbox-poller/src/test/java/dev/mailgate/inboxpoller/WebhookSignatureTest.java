package dev.mailgate.inboxpoller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.inboxpoller.domain.WebhookSignature;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String SECRET = "whsec_abc";
  private static final byte[] BODY =
      "{\"event\":\"email.received\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void matchesTheHmacOfTheRawBodyKeyedByTheWholeSecret() {
    // HMAC-SHA256("whsec_abc", body), computed independently with openssl.
    String header = WebhookSignature.sign(SECRET, BODY);
    assertThat(header)
        .isEqualTo("sha256=6194dfae06a1e3ffbeb78c4e816e5cd949ad0ebcd4a658cd3fc8dcb59ea0848d");
    assertThat(WebhookSignature.matches(SECRET, BODY, header)).isTrue();
    assertThat(
            WebhookSignature.matches(
                SECRET, BODY, header.toUpperCase().replace("SHA256=", "sha256=")))
        .isTrue();
  }

  @Test
  void refusesEverythingElse() {
    String header = WebhookSignature.sign(SECRET, BODY);
    byte[] altered = "{\"event\":\"email.received\" }".getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignature.matches("whsec_abd", BODY, header)).isFalse();
    assertThat(WebhookSignature.matches(SECRET, altered, header)).isFalse();
    assertThat(WebhookSignature.matches(SECRET, BODY, null)).isFalse();
    assertThat(WebhookSignature.matches(SECRET, BODY, "")).isFalse();
    assertThat(WebhookSignature.matches(SECRET, BODY, header.substring(7))).isFalse();
    assertThat(WebhookSignature.matches(SECRET, BODY, "sha256=xyz")).isFalse();
    assertThat(WebhookSignature.matches(SECRET, BODY, header.substring(0, 40))).isFalse();
    assertThat(WebhookSignature.matches(null, BODY, header)).isFalse();
  }
}
