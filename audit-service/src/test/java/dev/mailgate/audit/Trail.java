package dev.mailgate.audit;

import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventJson;
import dev.mailgate.testsupport.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test access to the trail: records onto the real broker, rows out of the real database. */
final class Trail {

  private static KafkaProducer<String, byte[]> producer;

  private Trail() {}

  /** Sends an event as MailGate's producers do: key = mailbox, event_id and event_type headers. */
  static RecordMetadata publish(
      String topic, String mailbox, String eventId, String type, Object payload) {
    return send(
        topic,
        mailbox,
        json(payload),
        EventHeaders.EVENT_ID,
        eventId,
        EventHeaders.EVENT_TYPE,
        type);
  }

  /** Sends raw bytes with the given header name/value pairs, synchronously. */
  static RecordMetadata send(String topic, String key, byte[] value, String... headers) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    for (int i = 0; i < headers.length; i += 2) {
      record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    try {
      return producer().send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  static byte[] json(Object payload) {
    try {
      return EventJson.mapper().writeValueAsBytes(payload);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Rows matching {@code where} (SQL with ? parameters), each as column → value, by chain order.
   */
  static List<Map<String, Object>> rows(DataSource db, String where, Object... params) {
    String sql = "select * from audit_event where " + where + " order by chain_key, chain_seq";
    try (Connection c = db.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int col = 1; col <= result.getMetaData().getColumnCount(); col++) {
            row.put(result.getMetaData().getColumnName(col), result.getObject(col));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement directly against the database, as an intruder with table access would. */
  static int execute(DataSource db, String sql, Object... params) {
    try (Connection c = db.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Properties props = KafkaBroker.shared().clientProperties();
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      producer = new KafkaProducer<>(props);
    }
    return producer;
  }
}
