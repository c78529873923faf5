package dev.mailgate.bench;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The bench's Kafka clients: the connection settings given, the services' record types. */
final class Clients {

  private Clients() {}

  /** A producer as the services' relays and the agents' clients write: acks=all. */
  static KafkaProducer<String, byte[]> producer(Properties connection, int lingerMs) {
    Properties props = new Properties();
    props.putAll(connection);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
    return new KafkaProducer<>(props);
  }

  /** A consumer of assigned partitions that commits nothing. */
  static KafkaConsumer<String, byte[]> consumer(Properties connection) {
    Properties props = new Properties();
    props.putAll(connection);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
    return new KafkaConsumer<>(props);
  }
}
