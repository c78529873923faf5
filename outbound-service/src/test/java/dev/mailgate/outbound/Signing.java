package dev.mailgate.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.signing.ApprovalSigner;
import dev.mailgate.testsupport.ApprovalTestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Signs approved emails as approval-service does, with the test keys the tests configure. */
final class Signing {

  static final ApprovalSigner TEST_KEY =
      ApprovalSigner.fromPem(ApprovalTestKeys.pem(ApprovalTestKeys.PRIVATE));
  static final ApprovalSigner NEXT_KEY =
      ApprovalSigner.fromPem(ApprovalTestKeys.pem(ApprovalTestKeys.NEXT_PRIVATE));

  private Signing() {}

  /** The signature headers of the test key for these value bytes, or none if not an email. */
  static Map<String, String> headers(byte[] value) {
    ApprovedEmail email;
    try {
      email = EventJson.mapper().readValue(value, ApprovedEmail.class);
    } catch (Exception e) {
      return Map.of();
    }
    return email == null ? Map.of() : TEST_KEY.headers(email);
  }

  /** The signature headers {@code signer} gives {@code email}. */
  static Map<String, String> headers(ApprovalSigner signer, JsonNode email) {
    try {
      return signer.headers(
          EventJson.mapper()
              .readValue(email.toString().getBytes(StandardCharsets.UTF_8), ApprovedEmail.class));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
