package dev.mailgate.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Waits until the broker answers, then creates the topics that do not exist yet (replication factor
 * 1: the local broker is a single node). Existing topics are left as they are.
 *
 * <p>Usage: {@code CreateTopics <bootstrap-servers> <topic>:<partitions>[:<key>=<value>,...]...}
 */
public final class CreateTopics {

  private static final Duration READY_WITHIN = Duration.ofSeconds(120);

  private CreateTopics() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: CreateTopics <bootstrap-servers> <topic>:<partitions>[:<key>=<value>,...]...");
      System.exit(2);
    }
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
      Set<String> existing = awaitBroker(admin);
      List<NewTopic> missing = new ArrayList<>();
      for (String spec : List.of(args).subList(1, args.length)) {
        String[] parts = spec.split(":", 3);
        if (!existing.contains(parts[0])) {
          NewTopic topic = new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1);
          // name:partitions:key=value,key=value gives the topic configs (e.g. retention.ms=-1).
          if (parts.length == 3) {
            Map<String, String> configs = new HashMap<>();
            for (String config : parts[2].split(",")) {
              configs.put(config.split("=", 2)[0], config.split("=", 2)[1]);
            }
            topic.configs(configs);
          }
          missing.add(topic);
        }
      }
      for (var created : admin.createTopics(missing).values().entrySet()) {
        try {
          created.getValue().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      System.out.println(
          "topics: "
              + missing.size()
              + " created, "
              + (args.length - 1 - missing.size())
              + " kept");
    }
  }

  private static Set<String> awaitBroker(Admin admin) throws InterruptedException {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (true) {
      try {
        return admin.listTopics().names().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Kafka did not answer within " + READY_WITHIN, e);
        }
        Thread.sleep(500);
      }
    }
  }
}
