package dev.mailgate.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** Email intents as an agent role writes them, with ids and recipients unique to each test. */
final class Intents {

  private Intents() {}

  static String newId() {
    return "e2e-" + UUID.randomUUID();
  }

  /** A unique recipient, so no two tests' intents look like duplicates or conflicts. */
  static String recipient() {
    return "rcpt-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  static ObjectNode send(String mailbox, String role, String to, String subject, String body) {
    ObjectNode intent = Http.JSON.createObjectNode();
    intent.put("intent_id", newId());
    intent.put("kind", "send");
    intent.put("mailbox_id", mailbox);
    intent.put("team", "e2e-team");
    intent.put("role", role);
    intent.put("agent", role + "Agent");
    intent.put("action", "SendEmail");
    intent.put("trigger_message_id", "msg-" + UUID.randomUUID());
    intent.put("reasoning", "end-to-end test");
    intent.putArray("to").add(to);
    intent.putArray("cc");
    intent.putArray("bcc");
    intent.put("subject", subject);
    intent.put("markdown", body);
    intent.put("created_at", Instant.now().toString());
    return intent;
  }
}
