package dev.mailgate.agent;

import dev.mailgate.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows one intent on {@code mail.decisions} and {@code mail.outcomes}. Past records are read to
 * their end first, so the latest known state wins over older ones; after that, a final status or
 * one in {@code until} ends the watch.
 */
final class IntentWatch {

  private final Properties kafka;

  IntentWatch(Properties kafka) {
    this.kafka = kafka;
  }

  IntentResult await(
      String intentId,
      Instant since,
      Duration timeout,
      Set<IntentStatus> until,
      Consumer<IntentUpdate> onUpdate) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<IntentUpdate> history = new ArrayList<>();
    try (TopicReader reader =
        new TopicReader(kafka, List.of(Topics.DECISIONS, Topics.OUTCOMES), since)) {
      Map<TopicPartition, Long> ends = reader.ends();
      boolean caughtUp = false;
      long remaining;
      while ((remaining = deadline - System.nanoTime()) > 0) {
        for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofNanos(remaining))) {
          IntentUpdate.parse(record.topic(), record.value())
              .filter(update -> update.intentId().equals(intentId))
              .ifPresent(
                  update -> {
                    history.add(update);
                    onUpdate.accept(update);
                  });
        }
        caughtUp = caughtUp || reader.reached(ends);
        IntentUpdate current = current(history);
        // History is read to its end first, so a final state read early still shows what led to it.
        if (caughtUp
            && current != null
            && (current.status().isFinal() || until.contains(current.status()))) {
          return new IntentResult(intentId, current.status(), history);
        }
      }
    }
    return new IntentResult(intentId, IntentStatus.TIMED_OUT, history);
  }

  private static IntentUpdate current(List<IntentUpdate> history) {
    IntentUpdate current = null;
    for (IntentUpdate update : history) {
      if (current == null || !current.status().isFinal() || update.status().isFinal()) {
        current = update;
      }
    }
    return current;
  }
}
