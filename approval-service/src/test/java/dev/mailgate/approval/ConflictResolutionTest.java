package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static dev.mailgate.approval.Reviews.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two roles email the same customer about the same thing within a minute: a human picks one. */
@QuarkusTest
@ApprovalTestResources
class ConflictResolutionTest {

  private static final String REVIEWER = TestTokens.reviewer("grace", "mbx_gated");

  @Test
  void resolvingAGroupDeliversExactlyTheKeptIntentAndSupersedesTheRest() {
    String pm =
        publish(
            intent(
                "mbx_gated",
                "ProductManager",
                "vip@customer.example.com",
                "Pricing",
                "New pricing starts in January."));
    String arch =
        publish(
            intent(
                "mbx_gated",
                "Architect",
                "vip@customer.example.com",
                "Pricing",
                "Pricing changes in February."));
    String eng =
        publish(
            intent(
                "mbx_gated",
                "Engineer",
                "vip@customer.example.com",
                "Pricing FAQ",
                "See the attached FAQ."));
    String group =
        awaitJson(Topics.DECISIONS, 2, forIntent(eng)).get(1).get("conflict_id").asText();
    awaitJson(Topics.DECISIONS, 3, forIntent(pm));

    as(REVIEWER)
        .get("/api/conflicts/{id}", group)
        .then()
        .statusCode(200)
        .body("intent_id", containsInAnyOrder(pm, arch, eng));
    as(REVIEWER)
        .body(Map.of("keep", List.of(arch), "reason", "February is right"))
        .post("/api/conflicts/{id}/resolve", group)
        .then()
        .statusCode(200);

    assertThat(awaitJson(Topics.APPROVED, 1, forIntent(arch))).hasSize(1);
    JsonNode pmFinal = last(awaitJson(Topics.DECISIONS, 4, forIntent(pm)));
    JsonNode engFinal = last(awaitJson(Topics.DECISIONS, 3, forIntent(eng)));
    assertThat(pmFinal.get("state").asText()).isEqualTo("rejected");
    assertThat(pmFinal.get("reason").asText())
        .isEqualTo("superseded by " + arch + ": February is right");
    assertThat(pmFinal.get("related_intent_id").asText()).isEqualTo(arch);
    assertThat(engFinal.get("state").asText()).isEqualTo("rejected");
    assertThat(Bus.read(Topics.APPROVED, forIntent(pm))).isEmpty();
    assertThat(Bus.read(Topics.APPROVED, forIntent(eng))).isEmpty();

    as(REVIEWER)
        .body(Map.of("keep", List.of(pm)))
        .post("/api/conflicts/{id}/resolve", group)
        .then()
        .statusCode(409);
  }

  @Test
  void resolveRefusesIntentsOutsideTheGroupAndEmptyChoices() {
    String a =
        publish(
            intent(
                "mbx_gated",
                "ProductManager",
                "zed@customer.example.com",
                "Workshop",
                "The workshop is on May 3."));
    String b =
        publish(
            intent(
                "mbx_gated",
                "Engineer",
                "zed@customer.example.com",
                "Workshop",
                "The workshop is on May 10."));
    String group = awaitJson(Topics.DECISIONS, 2, forIntent(b)).get(1).get("conflict_id").asText();

    as(REVIEWER)
        .body(Map.of("keep", List.of()))
        .post("/api/conflicts/{id}/resolve", group)
        .then()
        .statusCode(400);
    as(REVIEWER)
        .body(Map.of("keep", List.of("someone-else")))
        .post("/api/conflicts/{id}/resolve", group)
        .then()
        .statusCode(400);
    as(REVIEWER)
        .body(Map.of("keep", List.of(a)))
        .post("/api/conflicts/{id}/resolve", "not-a-uuid")
        .then()
        .statusCode(400);
    as(TestTokens.reviewer("outsider", "mbx_all"))
        .body(Map.of("keep", List.of(a)))
        .post("/api/conflicts/{id}/resolve", group)
        .then()
        .statusCode(404);
    as(REVIEWER)
        .body(Map.of("keep", List.of(a, b)))
        .post("/api/conflicts/{id}/resolve", group)
        .then()
        .statusCode(200);

    assertThat(awaitJson(Topics.APPROVED, 1, forIntent(a))).hasSize(1);
    assertThat(awaitJson(Topics.APPROVED, 1, forIntent(b))).hasSize(1);
  }

  private static JsonNode last(List<JsonNode> nodes) {
    return nodes.get(nodes.size() - 1);
  }
}
