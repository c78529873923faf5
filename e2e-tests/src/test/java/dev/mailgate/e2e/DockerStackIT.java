package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.agent.EmailDraft;
import dev.mailgate.agent.IntentResult;
import dev.mailgate.agent.IntentStatus;
import dev.mailgate.agent.MailGateClient;
import dev.mailgate.agent.Provenance;
import dev.mailgate.agent.Receipt;
import dev.mailgate.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} end to end, the way a Docker user meets it (profile {@code docker}):
 * the images {@code ./mailgate images} builds from one Debian base, Compose starting Kafka,
 * PostgreSQL, the sandbox and the four services, an agent team made with {@code ./mailgate --docker
 * agent} publishing from the host, a reviewer with a token from {@code ./mailgate --docker token}.
 * Without a Docker engine the whole class is skipped, and says so.
 */
class DockerStackIT {

  private static final Duration PIPELINE = Duration.ofSeconds(90);
  private static final String TEAM = "docker-e2e";

  private static DockerStack stack;
  private static Path agent;

  @BeforeAll
  static void up() {
    String missing = DockerStack.engineMissing();
    if (missing != null) {
      // ./mailgate test found an engine: then the Docker path must be proven, not skipped.
      if ("true".equals(System.getenv("MAILGATE_DOCKER_REQUIRED"))) {
        throw new IllegalStateException(
            "MAILGATE_DOCKER_REQUIRED is set but " + missing + "; see target/e2e-logs");
      }
      System.err.println(
          "*** DockerStackIT SKIPPED: " + missing + "; docker-compose.yml was not tried ***");
      Assumptions.abort(missing);
    }
    Path root = Path.of(System.getProperty("mailgate.root", "..")).toAbsolutePath().normalize();
    Path logs = Path.of(System.getProperty("mailgate.e2e.logs", "target/e2e-logs"));
    stack = DockerStack.start(root, logs);
    stack.script(
        Duration.ofMinutes(3),
        "agent.log",
        "--docker",
        "agent",
        TEAM,
        "ProductManager",
        "--mailboxes",
        "mbx_sales,mbx_support");
    agent = stack.state().resolve("agents/" + TEAM + ".properties");
  }

  @AfterAll
  static void down() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void autonomousMailIsDeliveredOnceAndTheAuditChainHolds() throws Exception {
    try (MailGateClient client = MailGateClient.fromProperties(agent)) {
      Receipt receipt =
          client.publish(
              EmailDraft.send(
                  provenance(),
                  "mbx_sales",
                  List.of("buyer@example.org"),
                  "Quote for 40 seats",
                  "The quote for 40 seats is attached."));

      IntentResult result = client.await(receipt, PIPELINE, IntentStatus.FINAL);
      assertThat(result.status()).as(result.toString()).isEqualTo(IntentStatus.SENT);
      assertThat(deliveries(receipt.intentId())).isEqualTo(1);

      String auditor = token("auditor", "*", "admin");
      JsonNode timeline =
          await("the audit timeline")
              .atMost(PIPELINE)
              .until(
                  () ->
                      Http.get(
                              stack.url("AUDIT")
                                  + "/audit/intents/"
                                  + receipt.intentId()
                                  + "/timeline",
                              auditor)
                          .body(),
                  body -> body != null && body.toString().contains("outcome.accepted"));
      assertThat(timeline.toString()).contains("intent.submitted", "decision.accepted");
      Http.Reply chains = Http.get(stack.url("AUDIT") + "/audit/chains/verify", auditor);
      assertThat(chains.status()).isEqualTo(200);
      chains
          .body()
          .forEach(c -> assertThat(c.path("intact").asBoolean()).as(c.toString()).isTrue());
    }
  }

  @Test
  void gatedMailWaitsForAReviewerAndSurvivesADatabaseRestart() throws Exception {
    try (MailGateClient client = MailGateClient.fromProperties(agent)) {
      Receipt receipt =
          client.publish(
              EmailDraft.send(
                  provenance(),
                  "mbx_support",
                  List.of("customer@example.org"),
                  "Your ticket",
                  "We fixed the export."));
      assertThat(client.await(receipt, PIPELINE, IntentStatus.SETTLED).status())
          .isEqualTo(IntentStatus.HELD);
      assertThat(deliveries(receipt.intentId())).as("nothing leaves before review").isZero();

      // The database goes away and comes back: the held item is still there, and still works.
      stack.docker("restart", stack.container("postgres"));
      String reviewer = token("rita.reviewer", "mbx_support", "reviewer");
      Http.Reply approved =
          await("approval once PostgreSQL is back")
              .atMost(PIPELINE)
              .pollInterval(Duration.ofSeconds(1))
              .ignoreExceptions()
              .until(
                  () ->
                      Http.post(
                          stack.url("APPROVAL") + "/api/reviews/" + receipt.intentId() + "/approve",
                          reviewer,
                          Map.of("reason", "checked")),
                  reply -> reply.status() != 503 && reply.status() != 500);
      assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(200);

      IntentResult result = client.await(receipt, PIPELINE, IntentStatus.FINAL);
      assertThat(result.status()).as(result.toString()).isEqualTo(IntentStatus.SENT);
      assertThat(deliveries(receipt.intentId())).isEqualTo(1);
    }
  }

  @Test
  void theBrokerRefusesStrangersAndAgentsCannotForgeApprovals() throws Exception {
    // An agent's principal may write intents only: a forged mail.approved is refused by the broker.
    Properties agentKafka = new Properties();
    try (var in = Files.newInputStream(agent)) {
      agentKafka.load(in);
    }
    agentKafka.keySet().removeIf(k -> k.toString().startsWith("mailgate."));
    agentKafka.put("max.block.ms", "15000");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(agentKafka, new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> forged =
          new ProducerRecord<>("mail.approved", "mbx_sales", "{}".getBytes(StandardCharsets.UTF_8));
      forged
          .headers()
          .add(
              EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> producer.send(forged).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    // Without credentials the broker's host listener lets nobody in.
    Properties anonymous = new Properties();
    anonymous.put("bootstrap.servers", stack.kafka());
    anonymous.put("max.block.ms", "5000");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(anonymous, new StringSerializer(), new ByteArraySerializer())) {
      assertThatThrownBy(
              () ->
                  producer
                      .send(new ProducerRecord<>("mail.intents", "mbx_sales", new byte[] {'{'}))
                      .get(30, TimeUnit.SECONDS))
          .isInstanceOf(Exception.class);
    }

    // The review API wants a token signed by the stack's own key.
    assertThat(Http.get(stack.url("APPROVAL") + "/api/reviews", "not-a-token").status())
        .isEqualTo(401);

    // Metrics, health and the API description are not on the published port, even for an admin,
    // and the management port is not published at all.
    String admin = token("operator", "*", "admin");
    assertThat(Http.get(stack.url("APPROVAL") + "/api/reviews", admin).status()).isEqualTo(200);
    for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi")) {
      assertThat(Http.get(stack.url("APPROVAL") + path, admin).status()).as(path).isEqualTo(404);
    }
    assertThat(stack.docker("port", stack.container("approval-service")).lines())
        .anySatisfy(line -> assertThat(line).startsWith("8081/tcp"))
        .noneSatisfy(line -> assertThat(line).startsWith("9081/tcp"));
  }

  private static Provenance provenance() {
    return new Provenance(TEAM, "ProductManager", "pm-1", "WritePRD");
  }

  /** How many times the sandbox delivered the email of {@code intentId}. */
  private static int deliveries(String intentId) {
    Http.Reply counts =
        Http.get(stack.url("SANDBOX") + "/sandbox/deliveries/counts", "mm_sandbox_key");
    return counts.body().path("by_idempotency_key").path(intentId).asInt(0);
  }

  private static String token(String subject, String mailboxes, String groups) {
    String output =
        stack.script(
            Duration.ofMinutes(1),
            "token.log",
            "--docker",
            "token",
            subject,
            mailboxes,
            groups,
            "1");
    List<String> lines = output.strip().lines().toList();
    return lines.get(lines.size() - 1).strip();
  }
}
