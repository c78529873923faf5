package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The hard rules of mbx_rules (see seed-test.yaml) apply before any oversight mode. */
@QuarkusTest
@ApprovalTestResources
class PolicyRulesTest {

  @Test
  void aRoleWithoutASendGrantIsRejected() {
    JsonNode decision =
        finalDecision(intent("mbx_rules", "Intern", "x@customer.example.com", "Hi", "Hey."));

    assertThat(decision.get("state").asText()).isEqualTo("rejected");
    assertThat(decision.get("reason").asText())
        .isEqualTo("role Intern holds no send grant on mailbox mbx_rules");
  }

  @Test
  void deniedAndNotAllowedRecipientsAreRejected() {
    JsonNode denied =
        finalDecision(intent("mbx_rules", "Sales", "ceo@customer.example.com", "Deal", "Offer."));
    JsonNode outside =
        finalDecision(
            intent("mbx_rules", "Sales", "someone@elsewhere.example.org", "Deal", "Offer."));
    JsonNode subdomain =
        finalDecision(
            intent(
                "mbx_rules",
                "Sales",
                "x@evil.customer.example.com.attacker.org",
                "Deal",
                "Offer."));

    assertThat(denied.get("reason").asText()).contains("ceo@customer.example.com is denied");
    assertThat(outside.get("reason").asText())
        .contains("matches none of mailbox mbx_rules's allowed recipients");
    assertThat(subdomain.get("state").asText()).isEqualTo("rejected");
  }

  @Test
  void anExactlyAllowedAddressPasses() {
    JsonNode decision =
        finalDecision(
            intent("mbx_rules", "Sales", "Partner@Example.net", "Update", "News for you."));

    assertThat(decision.get("state").asText()).isEqualTo("approved");
  }

  @Test
  void moreRecipientsThanTheMailboxAllowsIsRejected() {
    ObjectNode intent = intent("mbx_rules", "Sales", "a@customer.example.com", "All", "Everyone.");
    intent.withArray("to").add("b@customer.example.com").add("c@customer.example.com");
    intent.putArray("cc").add("d@customer.example.com");

    assertThat(finalDecision(intent).get("reason").asText())
        .isEqualTo("4 recipients, mailbox mbx_rules allows at most 3");
  }

  @Test
  void theRoleHourlyLimitCountsAcrossBatches() {
    String role = "Marketing";
    JsonNode first =
        finalDecision(intent("mbx_rate", role, "h1@customer.example.com", "One", "First note."));
    JsonNode second =
        finalDecision(intent("mbx_rate", role, "h2@customer.example.com", "Two", "Second note."));
    JsonNode third =
        finalDecision(intent("mbx_rate", role, "h3@customer.example.com", "Three", "Third note."));
    JsonNode otherRole =
        finalDecision(intent("mbx_rate", "Support", "h4@customer.example.com", "Four", "Fourth."));

    assertThat(java.util.List.of(first, second, third, otherRole))
        .extracting(d -> d.get("state").asText())
        .containsExactly("approved", "approved", "rejected", "approved");
    assertThat(third.get("reason").asText())
        .isEqualTo("role Marketing reached its limit of 2 emails per hour on mailbox mbx_rate");
  }

  @Test
  void theRoleHourlyLimitCountsEverySpellingOfTheRoleAsOne() {
    JsonNode first =
        finalDecision(intent("mbx_rate", "Legal", "l1@customer.example.com", "One", "A note."));
    JsonNode second =
        finalDecision(intent("mbx_rate", "le_gal", "l2@customer.example.com", "Two", "B note."));
    JsonNode third =
        finalDecision(
            intent("mbx_rate", "LE\u200BGAL", "l3@customer.example.com", "Three", "C note."));

    assertThat(java.util.List.of(first, second, third))
        .extracting(d -> d.get("state").asText())
        .containsExactly("approved", "approved", "rejected");
    assertThat(third.get("reason").asText()).contains("reached its limit of 2 emails per hour");
  }

  @Test
  void aRecipientInCooldownIsNotWrittenToAgainByAnyRole() {
    JsonNode first =
        finalDecision(
            intent("mbx_cooldown", "Engineer", "cool@customer.example.com", "Fix", "Fixed it."));
    JsonNode second =
        finalDecision(
            intent(
                "mbx_cooldown", "Architect", "cool@customer.example.com", "Design", "New design."));

    assertThat(first.get("state").asText()).isEqualTo("approved");
    assertThat(second.get("state").asText()).isEqualTo("rejected");
    assertThat(second.get("reason").asText())
        .contains("cool@customer.example.com was written to less than PT1H ago");
  }

  private static JsonNode finalDecision(ObjectNode intent) {
    String id = publish(intent);
    return awaitJson(Topics.DECISIONS, 2, forIntent(id)).get(1);
  }
}
