package dev.mailgate.testsupport;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A real, single-node KRaft Kafka broker (broker and controller combined) inside the test JVM,
 * started on first use and shared by every test of the JVM until it exits.
 */
public final class KafkaBroker {

  private static KafkaBroker shared;

  private final KafkaClusterTestKit cluster;
  private final Duration startup;

  private KafkaBroker(KafkaClusterTestKit cluster, Duration startup) {
    this.cluster = cluster;
    this.startup = startup;
  }

  /** The broker of this JVM, started now if it is not running yet. */
  public static synchronized KafkaBroker shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-broker-stop"));
    }
    return shared;
  }

  private static KafkaBroker start() {
    long began = System.nanoTime();
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .build();
      KafkaClusterTestKit cluster =
          new KafkaClusterTestKit.Builder(nodes)
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("offsets.topic.num.partitions", "4")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("num.partitions", "4")
              .setConfigProp("auto.create.topics.enable", "true")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaBroker(cluster, Duration.ofNanos(System.nanoTime() - began));
    } catch (Exception e) {
      throw new IllegalStateException("the test Kafka broker did not start", e);
    }
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** How long the broker took to become ready. */
  public Duration startupTime() {
    return startup;
  }

  /** Client properties with only {@code bootstrap.servers} set. */
  public Properties clientProperties() {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return properties;
  }

  /** Creates the topics that do not exist yet, each with {@code partitions} partitions. */
  public void createTopics(int partitions, Collection<String> topics) {
    try (Admin admin = Admin.create(clientProperties())) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          topics.stream()
              .filter(topic -> !existing.contains(topic))
              .map(topic -> new NewTopic(topic, partitions, (short) 1))
              .toList();
      admin.createTopics(missing).values().values().forEach(KafkaBroker::awaitCreated);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not list topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /** Properties Quarkus needs to reach this broker. */
  public Map<String, String> quarkusConfig() {
    return Map.of("kafka.bootstrap.servers", bootstrapServers());
  }

  private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> future) {
    try {
      future.get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create a topic", e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private void close() {
    // The JVM is exiting: a broker that hits a fatal error while stopping must not halt it with a
    // non-zero status, which the build would report as a crashed test JVM after green tests.
    Exit.setHaltProcedure((status, message) -> {});
    Exit.setExitProcedure((status, message) -> {});
    try {
      cluster.close();
    } catch (Exception e) {
      // The JVM is exiting; a broker that does not stop cleanly loses nothing of the tests.
    }
  }
}
