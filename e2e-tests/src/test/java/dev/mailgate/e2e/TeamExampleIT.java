package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The three-role MetaGPT team of {@code examples/metagpt_team.py} (with the MetaGPT 0.8 stand-in
 * where MetaGPT is not installed), run as a user runs it against the stack: its own Kafka
 * credentials and signing key, a customer's question injected into the sandbox, a reviewer through
 * the REST API. The example exits 0 only when its roles saw inbound mail read, an email held, one
 * approved and sent, one rejected with the reviewer's reason, and a reply sent.
 */
class TeamExampleIT {

  private static final List<String> SEEN =
      List.of("inbound read", "held", "approved and sent", "rejected with reason", "reply sent");

  private final MailGate mailgate = MailGate.shared();

  @Test
  void theThreeRoleTeamExampleRunsEndToEnd() throws Exception {
    String team = "example-" + UUID.randomUUID().toString().substring(0, 8);
    Path config = credentials(team);
    Path log = Path.of("target", "e2e-logs", "team-example-" + team + ".log");
    Files.createDirectories(log.getParent());

    Process example =
        new ProcessBuilder(
                "/usr/bin/python3",
                Repository.root().resolve("examples/metagpt_team.py").toString(),
                "--bootstrap",
                mailgate.bootstrapServers(),
                "--kafka-config",
                config.toString(),
                "--mailbox",
                MailGate.GATED,
                "--team",
                team,
                "--approval-url",
                mailgate.approvalUrl(),
                "--reviewer-token",
                TestTokens.reviewer("rita.reviewer", MailGate.GATED),
                "--sandbox-url",
                mailgate.sandbox().baseUrl(),
                "--timeout",
                "90")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = example.waitFor(4, TimeUnit.MINUTES);
    if (!ended) {
      example.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(ended).as("the example ended within 4 minutes:\n%s", output).isTrue();
    for (String seen : SEEN) {
      assertThat(output).as(output).contains("SEEN    " + seen);
    }
    assertThat(example.exitValue()).as(output).isZero();
  }

  /** What {@code ./mailgate agent} writes: the team's Kafka login and its signing credential. */
  private Path credentials(String team) throws IOException {
    Http.Reply agent =
        Http.post(
            mailgate.approvalUrl() + "/api/agents",
            TestTokens.admin("operator"),
            Map.of(
                "team",
                team,
                "roles",
                List.of("Product Manager", "Architect", "Engineer"),
                "mailboxes",
                List.of(MailGate.GATED)));
    assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
    JsonNode body = agent.body();
    Properties properties = KafkaBroker.shared().plainAgentProperties(team);
    properties.setProperty("mailgate.agent.id", body.get("agent_id").asText());
    properties.setProperty("mailgate.agent.signing.key", body.get("signing_key").asText());
    return KafkaBroker.writeProperties(
        properties, Files.createTempDirectory("team-example").resolve(team + ".properties"));
  }
}
