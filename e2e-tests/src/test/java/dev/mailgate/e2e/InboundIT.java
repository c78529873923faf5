package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.agent.Inbox;
import dev.mailgate.agent.MailGateClient;
import dev.mailgate.events.InboundEmail;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Inbound mail: polled from MultiMail, released to the agents, or held first under gated_all. */
class InboundIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  private final MailGate mailgate = MailGate.shared();

  @Test
  void inboundMailIsPolledAndReleasedToTheAgents() {
    String subject = "Question " + UUID.randomUUID();
    receive(MailGate.AUTONOMOUS, subject);

    JsonNode released =
        await("the email on mail.inbound")
            .atMost(PIPELINE)
            .until(() -> released(subject), found -> !found.isEmpty())
            .get(0);

    assertThat(released.path("mailbox_id").asText()).isEqualTo(MailGate.AUTONOMOUS);
    assertThat(released.path("from").asText()).isEqualTo("customer@example.org");
    assertThat(released.path("markdown").asText()).isEqualTo("When does it ship?");
  }

  @Test
  void underGatedAllInboundMailWaitsForAReviewerAndIsReleasedOnApproval() {
    String reviewer = TestTokens.reviewer("rita.reviewer", MailGate.GATED_ALL);
    String subject = "Contract " + UUID.randomUUID();
    receive(MailGate.GATED_ALL, subject);

    JsonNode held =
        await("the email held for review")
            .atMost(PIPELINE)
            .until(() -> heldWith(reviewer, subject), item -> item != null);
    assertThat(released(subject)).as("not released before review").isEmpty();

    Http.Reply release =
        Http.post(
            mailgate.approvalUrl() + "/api/inbound/" + held.path("email_id").asText() + "/release",
            reviewer,
            java.util.Map.of());

    assertThat(release.status()).isEqualTo(200);
    JsonNode released =
        await("the email on mail.inbound")
            .atMost(PIPELINE)
            .until(() -> released(subject), found -> !found.isEmpty())
            .get(0);
    assertThat(released.path("released_by").path("id").asText()).isEqualTo("rita.reviewer");
  }

  @Test
  void aRoleWithoutAReadGrantIsHandedNoneOfTheMailNorItsThread() {
    String subject = "Roadmap " + UUID.randomUUID();
    Instant since = Instant.now().minusSeconds(5);
    receive(MailGate.AUTONOMOUS, subject); // e2e_auto: every role reads but Intern

    JsonNode released =
        await("the email on mail.inbound")
            .atMost(PIPELINE)
            .until(() -> released(subject), found -> !found.isEmpty())
            .get(0);
    assertThat(released.path("read_grants").path("*").asBoolean()).isTrue();
    assertThat(released.path("read_grants").path("Intern").asBoolean(true)).isFalse();

    String emailId = released.path("email_id").asText();
    try (MailGateClient client =
            new MailGateClient(KafkaBroker.shared().agentProperties(Bus.AGENT_TEAM));
        Inbox intern = client.inbox(MailGate.AUTONOMOUS, List.of("Intern"), since);
        Inbox engineer = client.inbox(MailGate.AUTONOMOUS, List.of("Engineer"), since)) {
      assertThat(engineer.read(Duration.ofSeconds(20)))
          .extracting(InboundEmail::emailId)
          .contains(emailId);
      assertThat(intern.read(Duration.ofSeconds(20)))
          .extracting(InboundEmail::emailId)
          .doesNotContain(emailId);
    }

    String thread = mailgate.auditUrl() + "/audit/threads/" + released.path("thread_id").asText();
    Http.Reply asEngineer =
        await("the release in the audit")
            .atMost(PIPELINE)
            .until(() -> Http.get(thread, agentToken("Engineer")), r -> r.status() == 200);
    assertThat(asEngineer.body().findValuesAsText("event_type")).contains("inbound.released");
    Http.Reply asIntern = Http.get(thread, agentToken("Intern"));
    assertThat(asIntern.status()).isEqualTo(404);
    assertThat(asIntern.body().path("detail").asText()).contains("role may read");
  }

  private static String agentToken(String role) {
    return TestTokens.sign(
        TestTokens.claims("e2e-agent", Set.of("agent"), List.of(MailGate.AUTONOMOUS))
            .claim("role", role));
  }

  private void receive(String mailbox, String subject) {
    mailgate
        .sandbox()
        .call(
            "POST",
            "/sandbox/inbound",
            "{\"mailbox_id\":\""
                + mailbox
                + "\",\"from\":\"customer@example.org\",\"subject\":\""
                + subject
                + "\",\"markdown\":\"When does it ship?\"}");
  }

  private JsonNode heldWith(String reviewer, String subject) {
    Http.Reply held = Http.get(mailgate.approvalUrl() + "/api/inbound", reviewer);
    assertThat(held.status()).isEqualTo(200);
    for (JsonNode item : held.body()) {
      if (subject.equals(item.path("email").path("subject").asText())) {
        return item;
      }
    }
    return null;
  }

  private static List<JsonNode> released(String subject) {
    return Bus.values("mail.inbound", e -> subject.equals(e.path("subject").asText()));
  }
}
