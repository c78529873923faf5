package dev.mailgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Payload;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.KafkaExtension;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Python client's pytest suite ({@code clients/python/tests}) with {@code
 * /usr/bin/python3} against this JVM's real broker, then checks every intent it published against
 * the JSON Schema and Java's partitioning.
 */
@ExtendWith(KafkaExtension.class)
class PythonClientTest {

  private static final Path PACKAGE =
      Path.of("..", "clients", "python").toAbsolutePath().normalize();
  private static final int PARTITIONS = 4;
  private static final String AGENT_TEAM = "python-agents";

  private static String output;
  private static Integer exitCode;

  @BeforeAll
  static void runPytest(KafkaBroker broker) throws Exception {
    broker.createTopics(PARTITIONS, Topics.ALL);
    File log = Files.createDirectories(Path.of("target")).resolve("pytest.log").toFile();
    Process pytest = pytestProcess(broker).redirectErrorStream(true).redirectOutput(log).start();

    boolean finished = pytest.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      pytest.destroyForcibly();
    }
    output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
    exitCode = finished ? pytest.exitValue() : null;
    System.out.println(output);
  }

  @Test
  void pythonTestsPassAgainstTheRealBroker() {
    assertThat(exitCode).as("pytest exit code (null: still running after 10 minutes)").isNotNull();
    assertThat(exitCode).as("pytest exit code; its output:%n%s", output).isZero();
    assertThat(output).contains(" passed").doesNotContain("SKIPPED");
  }

  @Test
  void everyIntentThePythonClientPublishedIsSchemaValidOnItsMailboxPartition(KafkaBroker broker)
      throws Exception {
    assertThat(exitCode).isZero();
    JsonSchema schema = intentSchema();

    List<ConsumerRecord<String, byte[]>> records = TopicDump.all(broker, Topics.INTENTS);

    assertThat(records).isNotEmpty();
    for (ConsumerRecord<String, byte[]> record : records) {
      JsonNode value = EventJson.mapper().readTree(record.value());
      assertThat(schema.validate(value)).as("schema problems of %s", value).isEmpty();
      assertThat(record.key()).isEqualTo(value.get("mailbox_id").asText());
      assertThat(record.partition()).isEqualTo(javaPartition(record.key()));
    }
  }

  /**
   * The pytest run: the tests play MailGate's side and most clients as the admin principal ({@code
   * MAILGATE_KAFKA_CONFIG}, which the client's command line reads too); the agent tests connect as
   * team {@value #AGENT_TEAM}'s principal over PLAIN and over SCRAM.
   */
  private static ProcessBuilder pytestProcess(KafkaBroker broker) {
    Path dir = Path.of("target", "python-kafka").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(
                "/usr/bin/python3", "-m", "pytest", "-v", "-p", "no:cacheprovider", "tests")
            .directory(PACKAGE.toFile());
    builder.environment().put("MAILGATE_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    builder
        .environment()
        .put(
            "MAILGATE_KAFKA_CONFIG",
            KafkaBroker.writeProperties(broker.clientProperties(), dir.resolve("admin.properties"))
                .toString());
    builder.environment().put("MAILGATE_TEST_AGENT_TEAM", AGENT_TEAM);
    builder
        .environment()
        .put(
            "MAILGATE_TEST_AGENT_CONFIG",
            KafkaBroker.writeProperties(
                    broker.plainAgentProperties(AGENT_TEAM), dir.resolve("agent.plain.properties"))
                .toString());
    builder
        .environment()
        .put(
            "MAILGATE_TEST_AGENT_SCRAM_CONFIG",
            KafkaBroker.writeProperties(
                    broker.agentProperties(AGENT_TEAM), dir.resolve("agent.scram.properties"))
                .toString());
    builder.environment().put("MAILGATE_REQUIRE_BROKER", "1");
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    return builder;
  }

  private static int javaPartition(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }

  static JsonSchema intentSchema() throws IOException {
    try (InputStream in =
        PythonClientTest.class
            .getClassLoader()
            .getResourceAsStream(Payload.EMAIL_INTENT.schemaResource())) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
  }
}
