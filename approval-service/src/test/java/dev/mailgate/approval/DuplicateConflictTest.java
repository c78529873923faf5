package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static dev.mailgate.approval.Bus.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ApprovalTestResources
class DuplicateConflictTest {

  @Test
  void theSameEmailFromAnotherRoleIsSuppressedAndLinkedToTheOriginal() {
    String original =
        publish(
            intent(
                "mbx_auto",
                "ProductManager",
                "dup@customer.example.com",
                "Release notes",
                "Version 2.0 is out!"));
    awaitJson(Topics.DECISIONS, 2, forIntent(original));
    String copy =
        publish(
            intent(
                "mbx_auto",
                "Architect",
                "DUP@customer.example.com",
                "Release notes",
                "Version 2.0 is out."));

    JsonNode decision = awaitJson(Topics.DECISIONS, 2, forIntent(copy)).get(1);

    assertThat(decision.get("state").asText()).isEqualTo("duplicate");
    assertThat(decision.get("related_intent_id").asText()).isEqualTo(original);
    assertThat(Bus.read(Topics.APPROVED, forIntent(copy))).isEmpty();
  }

  @Test
  void withAnyRoleScopeTwoRolesEmailingTheSameCustomerAreGroupedAndHeldEvenInAutonomousMode() {
    String pm =
        publish(
            intent(
                "mbx_anyrole",
                "ProductManager",
                "ana@customer.example.com",
                "Your renewal",
                "We would like to offer you a discount on renewal."));
    String eng =
        publish(
            intent(
                "mbx_anyrole",
                "Engineer",
                "ana@customer.example.com",
                "Outage report",
                "Yesterday's outage was caused by a bad deploy."));

    JsonNode first = awaitJson(Topics.DECISIONS, 2, forIntent(pm)).get(1);
    JsonNode second = awaitJson(Topics.DECISIONS, 2, forIntent(eng)).get(1);

    assertThat(first.get("state").asText()).isEqualTo("approved");
    assertThat(second.get("state").asText()).isEqualTo("conflict");
    assertThat(second.get("reason").asText()).contains("role ProductManager");
    assertThat(second.get("conflict_id").asText()).isNotBlank();
    assertThat(Bus.read(Topics.APPROVED, forIntent(eng))).isEmpty();
  }

  @Test
  void withAnyRoleScopeOneRoleUnderTwoSpellingsIsOneRoleNotAConflict() {
    String profile =
        publish(
            intent(
                "mbx_anyrole",
                "Product Manager",
                "ben@customer.example.com",
                "Your renewal",
                "We would like to offer you a discount on renewal."));
    awaitJson(Topics.DECISIONS, 2, forIntent(profile));
    String className =
        publish(
            intent(
                "mbx_anyrole",
                "product_manager",
                "ben@customer.example.com",
                "Roadmap",
                "The new reporting module reaches beta next quarter."));
    String other =
        publish(
            intent(
                "mbx_anyrole",
                "Engineer",
                "ben@customer.example.com",
                "Outage report",
                "Yesterday's outage was caused by a bad deploy."));

    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(profile)).get(1).get("state").asText())
        .isEqualTo("approved");
    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(className)).get(1).get("state").asText())
        .isEqualTo("approved");
    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(other)).get(1).get("state").asText())
        .isEqualTo("conflict");
  }

  @Test
  void inAGatedMailboxTheHeldOriginalJoinsTheConflictGroup() {
    String pm =
        publish(
            intent(
                "mbx_gated",
                "ProductManager",
                "bo@customer.example.com",
                "Launch date",
                "We launch on the 3rd."));
    String arch =
        publish(
            intent(
                "mbx_gated",
                "Architect",
                "bo@customer.example.com",
                "Launch date",
                "We launch on the 10th."));

    List<JsonNode> pmDecisions = awaitJson(Topics.DECISIONS, 3, forIntent(pm));
    JsonNode archDecision = awaitJson(Topics.DECISIONS, 2, forIntent(arch)).get(1);

    assertThat(pmDecisions)
        .extracting(d -> d.get("state").asText())
        .containsExactly("accepted", "held", "conflict");
    assertThat(archDecision.get("state").asText()).isEqualTo("conflict");
    assertThat(pmDecisions.get(2).get("conflict_id")).isEqualTo(archDecision.get("conflict_id"));
  }

  @Test
  void theSameRoleResendingANearIdenticalMessageIsAConflictNotADuplicate() {
    String first =
        publish(
            intent(
                "mbx_auto",
                "Support",
                "cy@customer.example.com",
                "Ticket 4411",
                "Your ticket 4411 has been resolved, please confirm the fix works for you today."));
    awaitJson(Topics.DECISIONS, 2, forIntent(first));
    String again =
        publish(
            intent(
                "mbx_auto",
                "Support",
                "cy@customer.example.com",
                "Ticket #4411",
                "Your ticket 4411 has been resolved; please confirm the fix works for you today!!"));
    String unrelated =
        publish(
            intent(
                "mbx_auto",
                "Support",
                "cy@customer.example.com",
                "Invoice",
                "Attached is your invoice for November."));

    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(again)).get(1).get("state").asText())
        .isIn("conflict", "duplicate");
    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(unrelated)).get(1).get("state").asText())
        .isEqualTo("approved");
  }

  @Test
  void repliesToTheSameEmailFromTwoRolesConflict() {
    String email = Bus.released("mbx_auto", "irate@customer.example.com", "Bug");
    ObjectNode first = reply("mbx_auto", "Engineer", email, "We fixed it.");
    ObjectNode second = reply("mbx_auto", "Sales", email, "Here is a coupon.");

    String a = publish(first);
    awaitJson(Topics.DECISIONS, 2, forIntent(a));
    String b = publish(second);

    assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(b)).get(1).get("state").asText())
        .isEqualTo("conflict");
  }
}
