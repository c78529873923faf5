package dev.mailgate.inboxpoller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.testsupport.SandboxProcess;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Inbound mail and faults, through the sandbox's test controls. */
final class Inbox {

  /** An injected email: its MultiMail id and thread. */
  record Injected(String id, String threadId) {}

  private Inbox() {}

  static Injected receive(String mailbox, String subject) {
    return receive(mailbox, subject, null);
  }

  /** Injects an inbound email with this subject and body, as a sender wrote them. */
  static Injected receiveWithBody(String mailbox, String subject, String markdown) {
    ObjectNode body = EventJson.mapper().createObjectNode();
    body.put("mailbox_id", mailbox);
    body.put("from", "customer@example.com");
    body.put("subject", subject);
    body.put("markdown", markdown);
    JsonNode created =
        json(SandboxProcess.shared().call("POST", "/sandbox/inbound", body.toString()));
    return new Injected(created.path("id").asText(), created.path("thread_id").asText());
  }

  /** Injects an inbound email; with {@code inReplyTo} it joins that email's thread. */
  static Injected receive(String mailbox, String subject, String inReplyTo) {
    ObjectNode body = EventJson.mapper().createObjectNode();
    body.put("mailbox_id", mailbox);
    body.put("from", "customer@example.com");
    body.put("subject", subject);
    body.put("markdown", "Body of " + subject);
    if (inReplyTo != null) {
      body.put("in_reply_to", inReplyTo);
    }
    JsonNode created =
        json(SandboxProcess.shared().call("POST", "/sandbox/inbound", body.toString()));
    return new Injected(created.path("id").asText(), created.path("thread_id").asText());
  }

  static void faults(String json) {
    SandboxProcess.shared().call("PUT", "/sandbox/faults", json);
  }

  static JsonNode currentFaults() {
    return json(SandboxProcess.shared().call("GET", "/sandbox/faults", null));
  }

  static void clearFaults() {
    SandboxProcess.shared().call("DELETE", "/sandbox/faults", null);
  }

  private static JsonNode json(String text) {
    try {
      return EventJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
