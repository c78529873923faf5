package dev.mailgate.events.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventJson;

/** A valid intent as JSON, for tests to break one field at a time. */
final class IntentSamples {

  private IntentSamples() {}

  static ObjectNode send() {
    return (ObjectNode)
        parse(
            """
            {"intent_id":"01JD7Z9K3M4N5P6Q7R8S9T0VWX","kind":"send","mailbox_id":"mbx_support",
             "team":"acme-run-42","role":"ProductManager","agent":"Alice","action":"SendEmail",
             "trigger_message_id":"9f1c","reasoning":"customer asked for ETA",
             "to":["customer@example.com"],"cc":[],"bcc":[],
             "subject":"Project update","markdown":"Hello **there**\\n\\nLine two.",
             "created_at":"2026-11-24T10:00:00Z"}
            """);
  }

  static ObjectNode reply() {
    ObjectNode reply = send();
    reply.put("kind", "reply");
    reply.put("reply_to_email_id", "01JD7Y0000AAAABBBBCCCCDDDD");
    reply.remove("subject");
    reply.putArray("to");
    return reply;
  }

  static JsonNode parse(String json) {
    try {
      return EventJson.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
