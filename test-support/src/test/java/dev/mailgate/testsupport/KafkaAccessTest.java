package dev.mailgate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailgate.events.Topics;
import dev.mailgate.events.access.KafkaAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker enforces {@link KafkaAccess}: who cannot log in, and what each principal is refused.
 */
@ExtendWith(KafkaExtension.class)
class KafkaAccessTest {

  private static final String TEAM = "team-a";

  @ParameterizedTest
  @ValueSource(strings = {Topics.APPROVED, Topics.DECISIONS, Topics.OUTCOMES, Topics.INBOUND})
  void anAgentCannotWriteWhatOnlyServicesWrite(String topic, KafkaBroker broker) {
    assertThatThrownBy(() -> send(broker.agentProperties(TEAM), topic))
        .hasCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void anAgentWritesIntentsOverScramAndPlain(KafkaBroker broker) throws Exception {
    assertThat(send(broker.agentProperties(TEAM), Topics.INTENTS).topic())
        .isEqualTo(Topics.INTENTS);
    assertThat(send(broker.plainAgentProperties(TEAM), Topics.INTENTS).topic())
        .isEqualTo(Topics.INTENTS);
  }

  @ParameterizedTest
  @ValueSource(strings = {Topics.INTENTS, Topics.APPROVED, Topics.INBOUND_RECEIVED})
  void anAgentCannotReadOtherAgentsIntentsNorUngatedMail(String topic, KafkaBroker broker) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(broker.agentProperties(TEAM), null)) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(5)))
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void anAgentReadsDecisionsInItsOwnGroupsOnly(KafkaBroker broker) throws Exception {
    send(broker.clientProperties(), Topics.DECISIONS);
    try (KafkaConsumer<String, byte[]> own =
        consumer(broker.agentProperties(TEAM), "mailgate-agent." + TEAM + ".engineer")) {
      own.subscribe(List.of(Topics.DECISIONS));
      int read = 0;
      while (read == 0) {
        read = own.poll(Duration.ofMillis(500)).count();
      }
      assertThat(read).isPositive();
    }
    for (String group : List.of("mailgate-agent.team-b.engineer", "approval-service", "other")) {
      try (KafkaConsumer<String, byte[]> foreign = consumer(broker.agentProperties(TEAM), group)) {
        foreign.subscribe(List.of(Topics.DECISIONS));
        assertThatThrownBy(() -> foreign.poll(Duration.ofSeconds(10)))
            .as("group %s", group)
            .isInstanceOf(GroupAuthorizationException.class);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "approval-service, mail.audit-anchors",
    "outbound-service, mail.decisions",
    "outbound-service, mail.inbound",
    "inbox-poller, mail.inbound",
    "inbox-poller, mail.intents",
    "audit-service, mail.approved",
    "audit-service, mail.decisions"
  })
  void aServiceCannotWriteWhatItDoesNotProduce(String service, String topic, KafkaBroker broker) {
    Properties props = broker.serviceProperties(KafkaAccess.Service.named(service).orElseThrow());
    assertThatThrownBy(() -> send(props, topic))
        .hasCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void aServiceWritesWhatItProduces(KafkaBroker broker) throws Exception {
    assertThat(
            send(
                    broker.serviceProperties(KafkaAccess.Service.INBOX_POLLER),
                    Topics.INBOUND_RECEIVED)
                .topic())
        .isEqualTo(Topics.INBOUND_RECEIVED);
  }

  @Test
  void aClientWithoutCredentialsIsNotServed(KafkaBroker broker) {
    Properties props = broker.anonymousProperties();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    try (Admin admin = Admin.create(props)) {
      assertThatThrownBy(() -> admin.listTopics().names().get())
          .isInstanceOf(ExecutionException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SCRAM-SHA-512", "PLAIN"})
  void aWrongPasswordIsRefused(String mechanism, KafkaBroker broker) {
    Properties props =
        "PLAIN".equals(mechanism)
            ? broker.plainAgentProperties(TEAM)
            : broker.agentProperties(TEAM);
    String jaas = props.getProperty(SaslConfigs.SASL_JAAS_CONFIG);
    props.put(
        SaslConfigs.SASL_JAAS_CONFIG, jaas.replaceFirst("password=\"[^\"]*\"", "password=\"x\""));
    try (Admin admin = Admin.create(props)) {
      assertThatThrownBy(() -> admin.listTopics().names().get())
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  private static RecordMetadata send(Properties props, String topic) throws Exception {
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      return producer
          .send(new ProducerRecord<>(topic, "mbx_access", "{}".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }

  private static KafkaConsumer<String, byte[]> consumer(Properties props, String group) {
    if (group != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
