package dev.mailgate.audit;

import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.KafkaTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared broker with every topic the audit consumes created up front (4 partitions each), and
 * the anchors topic it writes (one partition).
 */
public class AuditKafkaResource extends KafkaTestResource {

  /** Every topic the audit-trail channel subscribes to. */
  public static List<String> auditedTopics() {
    List<String> topics = new ArrayList<>(Topics.ALL);
    Topics.ALL.forEach(topic -> topics.add(Topics.dlq(topic)));
    return topics;
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = super.start();
    KafkaBroker.shared().createTopics(4, auditedTopics());
    KafkaBroker.shared().createTopics(1, List.of(Topics.AUDIT_ANCHORS));
    return config;
  }
}
