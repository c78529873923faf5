package dev.mailgate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What left through the MultiMail sandbox: deliveries by idempotency key (= intent id). */
final class Deliveries {

  private Deliveries() {}

  /** How many times MultiMail delivered the email of {@code intentId}. */
  static int count(String intentId) {
    return counts().path("by_idempotency_key").path(intentId).asInt(0);
  }

  static JsonNode counts() {
    return read(MailGate.shared().sandbox().call("GET", "/sandbox/deliveries/counts", null));
  }

  /** The deliveries of {@code intentId}, each with what was sent. */
  static List<JsonNode> of(String intentId) {
    List<JsonNode> found = new ArrayList<>();
    read(MailGate.shared().sandbox().call("GET", "/sandbox/deliveries", null))
        .path("deliveries")
        .forEach(
            d -> {
              if (intentId.equals(d.path("idempotency_key").asText())) {
                found.add(d);
              }
            });
    return found;
  }

  private static JsonNode read(String body) {
    try {
      return Http.JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
