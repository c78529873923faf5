package dev.mailgate.outbox.consumer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The edge between Kafka and the services: turns consumed records into {@link Received} contract
 * objects, so nothing past a service's {@code messaging} package sees a Kafka type.
 */
public final class KafkaRecords {

  /** Header values longer than this are cut; no MailGate header comes near it. */
  static final int MAX_HEADER_CHARS = 4_096;

  private KafkaRecords() {}

  public static <T> List<Received<T>> read(
      Iterable<? extends ConsumerRecord<?, byte[]>> records, Parser<T> parser) {
    List<Received<T>> read = new ArrayList<>();
    for (ConsumerRecord<?, byte[]> record : records) {
      read.add(read(record, parser));
    }
    return read;
  }

  public static <T> Received<T> read(ConsumerRecord<?, byte[]> record, Parser<T> parser) {
    RecordRef ref = ref(record);
    byte[] value = record.value();
    if (value == null || value.length == 0) {
      return Received.unreadable(ref, value, "the record has no value");
    }
    try {
      T payload = parser.parse(value);
      if (payload == null) {
        return Received.unreadable(ref, value, "the record's value is null");
      }
      return Received.readable(ref, value, payload);
    } catch (Exception e) {
      return Received.unreadable(ref, value, Problems.unreadable(e));
    }
  }

  public static RecordRef ref(ConsumerRecord<?, ?> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      if (header.value() != null) {
        String text = new String(header.value(), StandardCharsets.UTF_8);
        headers.put(
            header.key(),
            text.length() > MAX_HEADER_CHARS ? text.substring(0, MAX_HEADER_CHARS) : text);
      }
    }
    return new RecordRef(
        record.topic(),
        record.partition(),
        record.offset(),
        record.timestamp(),
        key(record.key()),
        headers);
  }

  private static String key(Object key) {
    if (key instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return key == null ? null : key.toString();
  }
}
