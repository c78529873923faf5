package dev.mailgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The channel's topic list is configuration; it must stay equal to the contract's topics. */
class ChannelConfigTest {

  private static final String PREFIX = "mp.messaging.incoming.audit-trail.";

  @Test
  void theAuditTrailChannelConsumesEveryContractTopicAndItsDeadLetters() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
      properties.load(in);
    }
    assertThat(List.of(properties.getProperty(PREFIX + "topics").split(",")))
        .containsExactlyInAnyOrderElementsOf(AuditKafkaResource.auditedTopics());
    assertThat(properties)
        .containsEntry(PREFIX + "auto.offset.reset", "earliest")
        .containsEntry(PREFIX + "enable.auto.commit", "false")
        .containsEntry(PREFIX + "failure-strategy", "dead-letter-queue")
        .containsEntry(PREFIX + "batch", "true");
    assertThat(properties.getProperty(PREFIX + "dead-letter-queue.topic"))
        .as("the audit's own dead letters must not land on a topic it consumes")
        .isNotIn(AuditKafkaResource.auditedTopics());
  }
}
