package dev.mailgate.approval.service;

import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Problem;
import dev.mailgate.events.Topics;
import dev.mailgate.events.validation.IntentReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Sends records that are not intents at all to {@code mail.intents.dlq}, through the outbox. */
@ApplicationScoped
public class DeadLetters {

  /** Problems that mean the record is not a readable intent, as opposed to a refused one. */
  private static final Set<String> MALFORMED =
      Set.of("malformed_json", "type", "empty", "too_large");

  private final Events events;

  public DeadLetters(Events events) {
    this.events = events;
  }

  static boolean isMalformed(IntentReader.Invalid invalid) {
    return invalid.problems().stream().anyMatch(p -> MALFORMED.contains(p.code()));
  }

  static String summary(List<Problem> problems) {
    String text =
        problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
    return text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text;
  }

  public void send(ConsumerRecord<String, byte[]> record, String reason) {
    events.deadLetter(
        Topics.dlq(record.topic()),
        record.key(),
        record.value(),
        Map.of(
            EventHeaders.DLQ_REASON,
            reason,
            EventHeaders.DLQ_TOPIC,
            record.topic(),
            "dead-letter-partition",
            Integer.toString(record.partition()),
            "dead-letter-offset",
            Long.toString(record.offset())));
  }
}
