package dev.mailgate.events.access;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Applies {@link KafkaAccess} to a broker as its admin, idempotently: run by {@code ./mailgate up}
 * and the Docker setup (topics, every service's SCRAM credential and ACLs) and by {@code ./mailgate
 * agent} (one team's SCRAM credential, PLAIN hash and ACLs). Needs Kafka's clients on the class
 * path (the broker's own libraries will do). Passwords are read from files (services) or the
 * environment (agents), never from the command line.
 *
 * <pre>
 * KafkaSetup services &lt;admin.properties&gt; &lt;credentials-dir&gt; &lt;topic&gt;:&lt;partitions&gt;[:&lt;config&gt;=&lt;value&gt;,...]...
 * KafkaSetup agent &lt;admin.properties&gt; &lt;team&gt; &lt;plain-users-file&gt;   (password: MAILGATE_AGENT_PASSWORD)
 * KafkaSetup topics &lt;bootstrap-servers&gt; &lt;topic&gt;:&lt;partitions&gt;...   (a broker MailGate does not administer: topics only)
 * </pre>
 */
public final class KafkaSetup {

  private static final Duration READY_WITHIN = Duration.ofSeconds(120);

  private KafkaSetup() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("services")) {
      services(load(Path.of(args[1])), Path.of(args[2]), List.of(args).subList(3, args.length));
    } else if (args.length >= 2 && args[0].equals("topics")) {
      topics(args[1], List.of(args).subList(2, args.length));
    } else if (args.length == 4 && args[0].equals("agent")) {
      String password = System.getenv("MAILGATE_AGENT_PASSWORD");
      if (password == null || password.isBlank()) {
        throw new IllegalArgumentException("MAILGATE_AGENT_PASSWORD is not set");
      }
      agent(load(Path.of(args[1])), args[2], password, Path.of(args[3]));
    } else {
      System.err.println(
          "usage: KafkaSetup services <admin.properties> <credentials-dir> <topic>:<partitions>...\n"
              + "       KafkaSetup agent <admin.properties> <team> <plain-users-file>\n"
              + "       KafkaSetup topics <bootstrap-servers> <topic>:<partitions>...");
      System.exit(2);
    }
  }

  private static void services(Properties admin, Path credentials, List<String> topics)
      throws Exception {
    try (Admin client = Admin.create(admin)) {
      Set<String> existing = awaitBroker(client);
      createTopics(client, existing, topics);
      for (KafkaAccess.Service service : KafkaAccess.Service.values()) {
        String password =
            Files.readString(credentials.resolve(service.principal() + ".password")).strip();
        scram(client, service.principal(), password);
        acls(client, KafkaAcls.bindings(service.principal(), KafkaAccess.grants(service)));
        awaitLogin(admin, service.principal(), password);
      }
      System.out.println(
          "kafka access: "
              + KafkaAccess.Service.values().length
              + " service principals with their ACLs (SCRAM-SHA-512)");
    }
  }

  /** Only the topics, on a broker reached without credentials (an operator's own Kafka). */
  private static void topics(String bootstrapServers, List<String> topics) throws Exception {
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    try (Admin client = Admin.create(admin)) {
      createTopics(client, awaitBroker(client), topics);
    }
  }

  private static void agent(Properties admin, String team, String password, Path plainUsers)
      throws Exception {
    String principal = KafkaAccess.agentPrincipal(team);
    try (Admin client = Admin.create(admin)) {
      awaitBroker(client);
      scram(client, principal, password);
      acls(client, KafkaAcls.agent(team));
    }
    awaitLogin(admin, principal, password);
    PasswordHashes.put(plainUsers, principal, password);
    System.out.println("kafka access: " + principal + " (SCRAM-SHA-512 and PLAIN) with its ACLs");
  }

  /** Logs in as {@code user} until the broker knows its SCRAM credential. */
  private static void awaitLogin(Properties admin, String user, String password)
      throws InterruptedException {
    Properties props = new Properties();
    props.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        admin.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    props.put("security.protocol", "SASL_PLAINTEXT");
    props.put("sasl.mechanism", "SCRAM-SHA-512");
    props.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try (Admin as = Admin.create(props)) {
        as.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(user + " cannot log in", e);
        }
        Thread.sleep(200);
      }
    }
  }

  private static void scram(Admin client, String user, String password) throws Exception {
    client
        .alterUserScramCredentials(
            List.of(
                new UserScramCredentialUpsertion(
                    user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
        .all()
        .get(30, TimeUnit.SECONDS);
  }

  private static void acls(Admin client, List<AclBinding> bindings) throws Exception {
    // Creating an ACL that exists changes nothing: running this again is safe.
    client.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
  }

  private static void createTopics(Admin client, Set<String> existing, List<String> specs)
      throws Exception {
    List<NewTopic> missing = new ArrayList<>();
    for (String spec : specs) {
      // name:partitions[:config=value,...]
      String[] parts = spec.split(":", 3);
      if (!existing.contains(parts[0])) {
        NewTopic topic = new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1);
        if (parts.length == 3) {
          Map<String, String> configs = new HashMap<>();
          for (String config : parts[2].split(",")) {
            String[] pair = config.split("=", 2);
            configs.put(pair[0], pair[1]);
          }
          topic.configs(configs);
        }
        missing.add(topic);
      }
    }
    for (var created : client.createTopics(missing).values().entrySet()) {
      try {
        created.getValue().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    System.out.println(
        "topics: " + missing.size() + " created, " + (specs.size() - missing.size()) + " kept");
  }

  private static Set<String> awaitBroker(Admin admin) throws InterruptedException {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (true) {
      try {
        return admin.listTopics().names().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Kafka did not answer within " + READY_WITHIN, e);
        }
        Thread.sleep(500);
      }
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    properties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    properties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    return properties;
  }
}
