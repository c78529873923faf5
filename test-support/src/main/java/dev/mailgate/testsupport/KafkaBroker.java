package dev.mailgate.testsupport;

import dev.mailgate.events.Topics;
import dev.mailgate.events.access.KafkaAccess;
import dev.mailgate.events.access.KafkaAcls;
import dev.mailgate.events.access.PasswordHashes;
import dev.mailgate.events.access.PlainUsersCallbackHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A real, single-node KRaft Kafka broker (broker and controller combined) inside the test JVM,
 * started on first use and shared by every test of the JVM until it exits. It authenticates every
 * client (SASL: SCRAM-SHA-512, and PLAIN for agents) and authorizes with the standard authorizer
 * against {@link KafkaAccess}'s ACL table: the admin principal ({@link #clientProperties()}) may do
 * anything, a service or agent principal only what the table grants.
 *
 * <p>Quarkus tests load this class in more than one class loader: the broker's address and secrets
 * live in system properties, so every class loader of the JVM shares the one broker.
 */
public final class KafkaBroker {

  /** {@code bootstrap.servers} of the JVM's broker, once it runs. */
  static final String BOOTSTRAP_PROPERTY = "mailgate.test.kafka.bootstrap";

  private static final String SECRET_PROPERTY = "mailgate.test.kafka.secret";
  private static final String PLAIN_USERS_PROPERTY = "mailgate.test.kafka.plain-users";
  private static final String SASL = "SASL_PLAINTEXT";
  private static final String SCRAM = "SCRAM-SHA-512";
  private static final String PLAIN = "PLAIN";
  private static final Duration CREDENTIALS_READY = Duration.ofSeconds(60);

  // A string literal is one object for every class loader of the JVM: the JVM-wide start lock.
  private static final Object JVM_LOCK = "dev.mailgate.testsupport.KafkaBroker.jvm-lock";

  private static KafkaBroker shared;

  private final KafkaClusterTestKit cluster;
  private final String bootstrapServers;
  private final String secret;
  private final Path plainUsers;
  private final Duration startup;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();

  private KafkaBroker(
      KafkaClusterTestKit cluster,
      String bootstrapServers,
      String secret,
      Path plainUsers,
      Duration startup) {
    this.cluster = cluster;
    this.bootstrapServers = bootstrapServers;
    this.secret = secret;
    this.plainUsers = plainUsers;
    this.startup = startup;
  }

  /** The broker of this JVM, started now if it is not running yet. */
  public static KafkaBroker shared() {
    synchronized (JVM_LOCK) {
      if (shared == null) {
        String running = System.getProperty(BOOTSTRAP_PROPERTY);
        if (running != null) {
          shared =
              new KafkaBroker(
                  null,
                  running,
                  System.getProperty(SECRET_PROPERTY),
                  Path.of(System.getProperty(PLAIN_USERS_PROPERTY)),
                  Duration.ZERO);
        } else {
          shared = start();
          Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-broker-stop"));
          shared.createTopics(4, mailGateTopics());
          System.setProperty(SECRET_PROPERTY, shared.secret);
          System.setProperty(PLAIN_USERS_PROPERTY, shared.plainUsers.toString());
          System.setProperty(BOOTSTRAP_PROPERTY, shared.bootstrapServers);
        }
      }
      return shared;
    }
  }

  /** Every topic of MailGate, created when the broker starts: no principal but the admin may. */
  public static List<String> mailGateTopics() {
    List<String> topics = new ArrayList<>(Topics.ALL);
    Topics.ALL.forEach(topic -> topics.add(Topics.dlq(topic)));
    topics.add(Topics.AUDIT_DLQ);
    topics.add(Topics.AUDIT_ANCHORS);
    return topics;
  }

  private static KafkaBroker start() {
    long began = System.nanoTime();
    String secret = randomSecret();
    try {
      Path plainUsers = Files.createTempFile("mailgate-kafka-plain-users", ".txt");
      plainUsers.toFile().deleteOnExit();
      String brokerPassword = password(secret, KafkaAccess.BROKER);
      String brokerLogin =
          "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
              + KafkaAccess.BROKER
              + "\" password=\""
              + brokerPassword
              + "\" user_"
              + KafkaAccess.BROKER
              + "=\""
              + brokerPassword
              + "\";";
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .build();
      String external = nodes.brokerListenerName().value();
      String controller = nodes.controllerListenerName().value();
      String ext = "listener.name." + external.toLowerCase() + ".";
      String ctl = "listener.name." + controller.toLowerCase() + ".";
      KafkaClusterTestKit cluster =
          new KafkaClusterTestKit.Builder(nodes)
              .setConfigProp(
                  "listeners",
                  external
                      + "://localhost:0,INTERNAL://localhost:0,"
                      + controller
                      + "://localhost:0")
              .setConfigProp(
                  "listener.security.protocol.map",
                  external + ":" + SASL + ",INTERNAL:" + SASL + "," + controller + ":" + SASL)
              .setConfigProp("inter.broker.listener.name", "INTERNAL")
              .setConfigProp("sasl.enabled.mechanisms", SCRAM + "," + PLAIN)
              .setConfigProp("sasl.mechanism.inter.broker.protocol", PLAIN)
              .setConfigProp("sasl.mechanism.controller.protocol", PLAIN)
              // Clients: SCRAM, and PLAIN checked against the agents' hash file.
              .setConfigProp(ext + "sasl.enabled.mechanisms", SCRAM + "," + PLAIN)
              .setConfigProp(
                  ext + "scram-sha-512.sasl.jaas.config",
                  "org.apache.kafka.common.security.scram.ScramLoginModule required;")
              .setConfigProp(
                  ext + "plain.sasl.jaas.config",
                  "org.apache.kafka.common.security.plain.PlainLoginModule required "
                      + "user_"
                      + KafkaAccess.ADMIN
                      + "=\""
                      + password(secret, KafkaAccess.ADMIN)
                      + "\" "
                      + PlainUsersCallbackHandler.FILE_OPTION
                      + "=\""
                      + plainUsers
                      + "\";")
              .setConfigProp(
                  ext + "plain.sasl.server.callback.handler.class",
                  PlainUsersCallbackHandler.class.getName())
              // The broker to itself and to its controller: PLAIN, a static user of its own.
              .setConfigProp("listener.name.internal.sasl.enabled.mechanisms", PLAIN)
              .setConfigProp("listener.name.internal.plain.sasl.jaas.config", brokerLogin)
              .setConfigProp(ctl + "sasl.enabled.mechanisms", PLAIN)
              .setConfigProp(ctl + "plain.sasl.jaas.config", brokerLogin)
              .setConfigProp(
                  "authorizer.class.name",
                  "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
              .setConfigProp("allow.everyone.if.no.acl.found", "false")
              .setConfigProp(
                  "super.users", "User:" + KafkaAccess.BROKER + ";User:" + KafkaAccess.ADMIN)
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
      return new KafkaBroker(
          cluster,
          cluster.bootstrapServers(),
          secret,
          plainUsers,
          Duration.ofNanos(System.nanoTime() - began));
    } catch (Exception e) {
      throw new IllegalStateException("the test Kafka broker did not start", e);
    }
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** How long the broker took to become ready (zero in a class loader that found it running). */
  public Duration startupTime() {
    return startup;
  }

  /**
   * The admin principal's client properties (a super user: test setup, test helpers, test-side
   * producers and readers). Tests that play a service or an agent use {@link #serviceProperties} or
   * {@link #agentProperties}.
   */
  public Properties clientProperties() {
    return properties(KafkaAccess.ADMIN, PLAIN);
  }

  /**
   * Client properties of {@code service}'s principal (SCRAM), created with its ACLs on first use.
   */
  public Properties serviceProperties(KafkaAccess.Service service) {
    ensure(
        service.principal(), KafkaAcls.bindings(service.principal(), KafkaAccess.grants(service)));
    return properties(service.principal(), SCRAM);
  }

  /** Client properties of agent team {@code team}'s principal (SCRAM), created on first use. */
  public Properties agentProperties(String team) {
    ensureAgent(team);
    return properties(KafkaAccess.agentPrincipal(team), SCRAM);
  }

  /** The same principal as {@link #agentProperties} over PLAIN (what librdkafka 2.0 can do). */
  public Properties plainAgentProperties(String team) {
    ensureAgent(team);
    return properties(KafkaAccess.agentPrincipal(team), PLAIN);
  }

  /** {@code bootstrap.servers} alone: a client without credentials, which the broker refuses. */
  public Properties anonymousProperties() {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
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

  /** Quarkus configuration ({@code kafka.*}) for a client with {@code client}'s properties. */
  public static Map<String, String> quarkusConfig(Properties client) {
    Map<String, String> config = new HashMap<>();
    client.forEach((key, value) -> config.put("kafka." + key, String.valueOf(value)));
    return config;
  }

  /**
   * Environment variables that give a packaged Quarkus service {@code client}'s properties ({@code
   * KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code
   * KAFKA_SASL_JAAS_CONFIG}).
   */
  public static Map<String, String> environment(Properties client) {
    Map<String, String> env = new HashMap<>();
    client.forEach(
        (key, value) ->
            env.put(
                "KAFKA_" + String.valueOf(key).toUpperCase().replace('.', '_'),
                String.valueOf(value)));
    return env;
  }

  /** Writes {@code client} as a {@code .properties} file (for the Python client and tools). */
  public static Path writeProperties(Properties client, Path file) {
    StringBuilder text = new StringBuilder();
    client.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private void ensureAgent(String team) {
    String principal = KafkaAccess.agentPrincipal(team);
    if (!ready.contains(principal)) {
      synchronized (JVM_LOCK) {
        PasswordHashes.put(plainUsers, principal, password(secret, principal));
      }
    }
    ensure(principal, KafkaAcls.agent(team));
  }

  /** The SCRAM credential and ACLs of {@code principal}, in force once this returns. */
  private void ensure(String principal, List<AclBinding> acls) {
    if (ready.contains(principal)) {
      return;
    }
    synchronized (JVM_LOCK) {
      try (Admin admin = Admin.create(clientProperties())) {
        admin
            .alterUserScramCredentials(
                List.of(
                    new UserScramCredentialUpsertion(
                        principal,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                        password(secret, principal))))
            .all()
            .get();
        admin.createAcls(acls).all().get();
        awaitAcls(admin, principal, acls.size());
      } catch (ExecutionException e) {
        throw new IllegalStateException("could not create principal " + principal, e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      awaitLogin(principal);
      ready.add(principal);
    }
  }

  private static void awaitAcls(Admin admin, String principal, int count)
      throws ExecutionException, InterruptedException {
    AclBindingFilter filter =
        new AclBindingFilter(
            ResourcePatternFilter.ANY,
            new AccessControlEntryFilter(
                "User:" + principal, null, AclOperation.ANY, AclPermissionType.ANY));
    long deadline = System.nanoTime() + CREDENTIALS_READY.toNanos();
    while (admin.describeAcls(filter).values().get().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the ACLs of " + principal + " did not reach the broker");
      }
    }
  }

  /** Logs in as {@code principal} until the broker knows its new SCRAM credential. */
  private void awaitLogin(String principal) {
    long deadline = System.nanoTime() + CREDENTIALS_READY.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      Properties props = properties(principal, SCRAM);
      props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
      props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
      try (Admin admin = Admin.create(props)) {
        admin.describeCluster().clusterId().get();
        return;
      } catch (ExecutionException e) {
        last = new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("could not log in as " + principal, last);
  }

  private Properties properties(String principal, String mechanism) {
    Properties properties = anonymousProperties();
    properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SASL);
    properties.put(SaslConfigs.SASL_MECHANISM, mechanism);
    String password = password(secret, principal);
    properties.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        PLAIN.equals(mechanism)
            ? plainLogin(principal, password)
            : "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + principal
                + "\" password=\""
                + password
                + "\";");
    return properties;
  }

  private static String plainLogin(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /**
   * The JVM's password of {@code principal}: derived from a secret drawn when the broker started.
   */
  private static String password(String secret, String principal) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(principal.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void awaitCreated(KafkaFuture<Void> future) {
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
