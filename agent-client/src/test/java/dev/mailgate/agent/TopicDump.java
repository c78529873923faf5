package dev.mailgate.agent;

import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.TopicIO;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a whole topic, up to its end offsets at the time of the call. */
final class TopicDump {

  private TopicDump() {}

  static List<ConsumerRecord<String, byte[]>> all(KafkaBroker broker, String topic) {
    return TopicIO.records(topic);
  }
}
