package dev.mailgate.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.agent.IntentSigner;
import dev.mailgate.events.EmailIntent;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.IntentKind;
import dev.mailgate.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The bench's intents: signed as the bench agent signs them, each to its own recipient and with its
 * own text, so none is a duplicate, a conflict or held by a cooldown; what a busy team of agents
 * writing to many customers looks like.
 */
final class IntentSource {

  private static final ObjectMapper JSON = EventJson.mapper();

  private final String run;
  private final String team;
  private final IntentSigner signer;

  IntentSource(String run, String team, IntentSigner signer) {
    this.run = run;
    this.team = team;
    this.signer = signer;
  }

  /** The id of the {@code n}th intent of this run. */
  String intentId(int n) {
    return "bench-" + run + "-" + n;
  }

  /** The {@code n}th intent, to {@code mailbox}, as a record ready to publish. */
  ProducerRecord<String, byte[]> record(int n, String mailbox) {
    EmailIntent intent =
        new EmailIntent(
            intentId(n),
            IntentKind.SEND,
            mailbox,
            team,
            BenchMailboxes.ROLE,
            "bench-" + (n % 7),
            "SendFollowUp",
            "msg-" + run + "-" + n,
            "Customer " + n + " asked for the status of order " + (100_000 + n) + ".",
            List.of("customer-" + run + "-" + n + "@bench.example.com"),
            List.of(),
            List.of(),
            "Order " + (100_000 + n) + ": status update " + run,
            "Hello,\n\nyour order "
                + (100_000 + n)
                + " left our warehouse on day "
                + (n % 28 + 1)
                + " and should arrive within "
                + (n % 5 + 2)
                + " working days. Tracking code "
                + UUID.nameUUIDFromBytes((run + n).getBytes(StandardCharsets.UTF_8))
                + ".\n\nKind regards,\nthe bench team",
            List.of(),
            null,
            null,
            Instant.now());
    byte[] value = bytes(intent);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INTENTS, mailbox, value);
    record.headers().add(EventHeaders.EVENT_ID, utf8(UUID.randomUUID().toString()));
    record.headers().add(EventHeaders.EVENT_TYPE, utf8(EventTypes.INTENT_SUBMITTED));
    record.headers().add(IntentSigner.AGENT_HEADER, utf8(signer.agentId()));
    record.headers().add(IntentSigner.SIGNATURE_HEADER, utf8(signer.signature(value)));
    return record;
  }

  private static byte[] bytes(EmailIntent intent) {
    try {
      return JSON.writeValueAsBytes(intent);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
