package dev.mailgate.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.MultiMailConfig;
import dev.mailgate.testsupport.SandboxProcess;
import java.util.UUID;

/** Test controls of the sandbox process: mailboxes, faults, limits, delivery counts. */
final class Sandbox {

  private Sandbox() {}

  static SandboxProcess process() {
    return SandboxProcess.shared();
  }

  /** A new autonomous mailbox (so its mail is delivered at once), with a unique id. */
  static String mailbox(String prefix) {
    return mailbox(prefix + "_" + UUID.randomUUID().toString().substring(0, 8), "autonomous");
  }

  static String mailbox(String id, String mode) {
    process()
        .call(
            "PUT",
            "/sandbox/mailboxes/" + id,
            "{\"address\":\"" + id + "@sandbox.local\",\"oversight_mode\":\"" + mode + "\"}");
    return id;
  }

  static void faults(String json) {
    process().call("PUT", "/sandbox/faults", json);
  }

  /** No faults, a quota and a rate limit no test reaches. */
  static void calm() {
    process().call("DELETE", "/sandbox/faults", null);
    process()
        .call(
            "PUT",
            "/sandbox/limits",
            "{\"monthly_quota\":10000000,\"emails_sent_this_month\":0,"
                + "\"rate_limit_requests\":10000000,\"rate_limit_window_seconds\":60}");
  }

  static void limits(String json) {
    process().call("PUT", "/sandbox/limits", json);
  }

  /** How many emails the sandbox delivered with this idempotency key. */
  static int deliveries(String idempotencyKey) {
    JsonNode counts = json(process().call("GET", "/sandbox/deliveries/counts", null));
    return counts.path("by_idempotency_key").path(idempotencyKey).asInt(0);
  }

  /** An inbound email to reply to; returns its id. */
  static String inbound(String mailbox) {
    String body =
        "{\"mailbox_id\":\""
            + mailbox
            + "\",\"from\":\"customer@example.com\",\"subject\":\"Question\","
            + "\"markdown\":\"When will it ship?\"}";
    return json(process().call("POST", "/sandbox/inbound", body)).path("id").asText();
  }

  /** The code MultiMail would have emailed the operator to raise {@code mailbox}'s mode. */
  static String upgradeCode(String mailbox) {
    return json(process().call("GET", "/sandbox/mailboxes/" + mailbox + "/upgrade-code", null))
        .path("code")
        .asText();
  }

  static MultiMailClient client() {
    return new MultiMailClient(
        MultiMailConfig.builder()
            .baseUrl(process().baseUrl())
            .apiKey(SandboxProcess.API_KEY)
            .build());
  }

  private static JsonNode json(String text) {
    try {
      return EventJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
