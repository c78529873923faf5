package dev.mailgate.outbox.deadletter;

import dev.mailgate.events.EventHeaders;
import dev.mailgate.outbox.EventPublisher;
import dev.mailgate.outbox.OutboxMessage;
import dev.mailgate.outbox.OversizedEventException;
import dev.mailgate.outbox.consumer.KafkaRecords;
import dev.mailgate.outbox.consumer.RecordRef;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Lists a service's dead letters and replays chosen ones onto their original topic, through the
 * outbox (so a replay is durable and ordered like any event). A replayed record keeps its key,
 * value and headers and carries {@link EventHeaders#REPLAY_OF}: consumers apply each replay of a
 * dead letter once, so replaying twice decides and delivers once. A dead letter whose value was too
 * large to carry is replayed from the original, while the broker still retains it.
 */
@ApplicationScoped
public class DeadLetterAdmin {

  /** What a replay did with each dead letter asked for. */
  public record Replayed(List<String> replayed, Map<String, String> skipped) {}

  private final DeadLetterTopics reader;
  private final DeadLetterConfig config;
  private final EventPublisher publisher;

  public DeadLetterAdmin(
      DeadLetterTopics reader, DeadLetterConfig config, EventPublisher publisher) {
    this.reader = reader;
    this.config = config;
    this.publisher = publisher;
  }

  /** How many records each served topic holds. */
  public Map<String, Long> counts() {
    return reader.counts(topics());
  }

  /** The dead-letter topics this service serves. */
  public List<String> topics() {
    return config.topics().orElse(List.of());
  }

  /** Whether this service serves {@code topic}. */
  public boolean serves(String topic) {
    return topics().contains(topic);
  }

  /** Up to {@code limit} dead letters of {@code topic} whose key {@code visible} accepts. */
  public List<DeadLetter> list(String topic, int limit, Predicate<String> visible) {
    List<DeadLetter> found = new ArrayList<>();
    reader.readAll(
        topic,
        record -> {
          if (visible.test(record.key())) {
            found.add(DeadLetter.of(record, false));
          }
          return found.size() < Math.min(limit, config.maxList());
        });
    return found;
  }

  /** One dead letter with its whole value, if it exists and {@code visible} accepts its key. */
  public Optional<DeadLetter> show(
      String topic, int partition, long offset, Predicate<String> visible) {
    return reader
        .read(topic, partition, offset)
        .filter(r -> visible.test(r.key()))
        .map(r -> DeadLetter.of(r, true));
  }

  /**
   * Replays the dead letters at {@code positions} (or every one whose key {@code visible} accepts,
   * when {@code positions} is empty) onto their original topics, in one transaction.
   */
  public Replayed replay(
      String topic, List<Position> positions, Predicate<String> visible, String by) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    Map<String, String> skipped = new HashMap<>();
    if (positions.isEmpty()) {
      reader.readAll(
          topic,
          r -> {
            if (visible.test(r.key())) {
              records.add(r);
            }
            return true;
          });
    } else {
      for (Position p : positions) {
        Optional<ConsumerRecord<String, byte[]>> record =
            reader.read(topic, p.partition(), p.offset()).filter(r -> visible.test(r.key()));
        if (record.isEmpty()) {
          skipped.put(p.toString(), "no such dead letter in your mailboxes");
        } else {
          records.add(record.get());
        }
      }
    }
    List<OutboxMessage> messages = new ArrayList<>();
    List<String> replayed = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      String position = KafkaRecords.ref(record).position();
      try {
        messages.add(replayOf(record, by));
        replayed.add(position);
      } catch (NotReplayable e) {
        skipped.put(position, e.getMessage());
      }
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (OutboxMessage message : messages) {
                publisher.publish(message);
              }
            });
    Log.infof(
        "%s replayed %d dead letters of %s (%d skipped)",
        by, replayed.size(), topic, skipped.size());
    return new Replayed(replayed, skipped);
  }

  /** A record's place on its topic. */
  public record Position(int partition, long offset) {

    /** {@code partition:offset}. */
    public static Position parse(String text) {
      int colon = text.indexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException("a position is partition:offset, not " + text);
      }
      return new Position(
          Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    }

    @Override
    public String toString() {
      return partition + ":" + offset;
    }
  }

  private OutboxMessage replayOf(ConsumerRecord<String, byte[]> record, String by)
      throws NotReplayable {
    RecordRef ref = KafkaRecords.ref(record);
    String original =
        ref.header(EventHeaders.DLQ_TOPIC)
            .orElseThrow(() -> new NotReplayable("it does not say which topic it came from"));
    byte[] value = record.value();
    if (ref.header(EventHeaders.DLQ_VALUE_SIZE).isPresent()) {
      value =
          originalValue(ref)
              .orElseThrow(
                  () -> new NotReplayable("its value was left out and the original is gone"));
    }
    Map<String, String> headers = ref.carriedHeaders();
    headers.put(EventHeaders.REPLAY_OF, ref.position());
    headers.put(EventHeaders.REPLAYED_BY, by);
    OutboxMessage message =
        new OutboxMessage(
            ref.eventUuid(),
            original,
            record.key(),
            ref.eventType().orElse("replayed"),
            value,
            headers);
    if (EventPublisher.sizeOf(message) > publisher.maxRecordBytes()) {
      throw new NotReplayable(
          new OversizedEventException(
                  original, EventPublisher.sizeOf(message), publisher.maxRecordBytes())
              .getMessage());
    }
    return message;
  }

  private Optional<byte[]> originalValue(RecordRef ref) {
    Optional<String> topic = ref.header(EventHeaders.DLQ_TOPIC);
    Optional<String> partition = ref.header(EventHeaders.DLQ_PARTITION);
    Optional<String> offset = ref.header(EventHeaders.DLQ_OFFSET);
    if (topic.isEmpty() || partition.isEmpty() || offset.isEmpty()) {
      return Optional.empty();
    }
    return reader
        .read(topic.get(), Integer.parseInt(partition.get()), Long.parseLong(offset.get()))
        .map(ConsumerRecord::value);
  }

  /** A dead letter that cannot be put back, and why. */
  private static final class NotReplayable extends Exception {
    NotReplayable(String message) {
      super(message);
    }
  }
}
