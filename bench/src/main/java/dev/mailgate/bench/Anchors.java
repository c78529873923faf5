package dev.mailgate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The raw figures MailGate's are compared with, measured in the same run on the same broker and
 * database: producing and consuming the run's records on a scratch topic (acks=all, like the
 * services), and inserting the same rows into PostgreSQL in batches of a service's size.
 */
final class Anchors {

  /** Scratch topics are named with this prefix and the run's id, and deleted after the run. */
  static final String TOPIC_PREFIX = "mailgate.bench-anchor-";

  private static final int PG_BATCH = 500;

  /** Records per second: produced, consumed; rows per second inserted. */
  record Figures(
      double kafkaProducePerSecond, double kafkaConsumePerSecond, double pgInsertPerSecond) {}

  private Anchors() {}

  static Figures measure(
      String runId,
      Properties admin,
      List<ProducerRecord<String, byte[]>> records,
      String jdbcUrl,
      String user,
      String password)
      throws Exception {
    String topic = TOPIC_PREFIX + runId;
    double produce;
    double consume;
    try (Admin client = Admin.create(admin)) {
      client.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
      awaitLeaders(client, topic);
      try {
        produce = produce(admin, topic, records);
        consume = consume(admin, topic, records.size());
      } finally {
        client.deleteTopics(Set.of(topic)).all().get();
      }
    }
    return new Figures(produce, consume, insert(records, jdbcUrl, user, password));
  }

  /** Waits until every partition of the new topic has a leader, so no send waits for metadata. */
  private static void awaitLeaders(Admin client, String topic) throws Exception {
    for (int i = 0; i < 100; i++) {
      var description = client.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
      if (description != null
          && description.partitions().stream().allMatch(p -> p.leader() != null)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the scratch topic " + topic + " got no leaders in 10 s");
  }

  private static double produce(
      Properties admin, String topic, List<ProducerRecord<String, byte[]>> records)
      throws Exception {
    try (KafkaProducer<String, byte[]> producer = Clients.producer(admin, 5)) {
      producer.partitionsFor(topic);
      long began = System.nanoTime();
      List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
      for (ProducerRecord<String, byte[]> r : records) {
        acks.add(producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers())));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
      return perSecond(records.size(), System.nanoTime() - began);
    }
  }

  private static double consume(Properties admin, String topic, int expected) {
    try (KafkaConsumer<String, byte[]> consumer = Clients.consumer(admin)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic)) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long began = System.nanoTime();
      int seen = 0;
      long deadline = began + Duration.ofMinutes(2).toNanos();
      while (seen < expected && System.nanoTime() < deadline) {
        seen += consumer.poll(Duration.ofMillis(200)).count();
      }
      return perSecond(seen, System.nanoTime() - began);
    }
  }

  private static double insert(
      List<ProducerRecord<String, byte[]>> records, String jdbcUrl, String user, String password)
      throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute(
            "CREATE TEMP TABLE bench_anchor (id bigint PRIMARY KEY, mailbox_id text NOT NULL,"
                + " payload bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
      }
      connection.setAutoCommit(false);
      long began = System.nanoTime();
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO bench_anchor (id, mailbox_id, payload) VALUES (?, ?, ?)")) {
        for (int i = 0; i < records.size(); i++) {
          insert.setLong(1, i);
          insert.setString(2, records.get(i).key());
          insert.setBytes(3, records.get(i).value());
          insert.addBatch();
          if ((i + 1) % PG_BATCH == 0 || i == records.size() - 1) {
            insert.executeBatch();
            connection.commit();
          }
        }
      }
      return perSecond(records.size(), System.nanoTime() - began);
    }
  }

  private static double perSecond(int count, long nanos) {
    return nanos <= 0 ? 0 : count / (nanos / 1e9);
  }
}
