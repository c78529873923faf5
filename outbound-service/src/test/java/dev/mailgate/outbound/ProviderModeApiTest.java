package dev.mailgate.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.mailgate.multimail.client.model.OversightMode;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An operator sees which mailboxes MultiMail would gate again and changes their mode there: a lower
 * mode at once, a higher one with the code MultiMail emails the operator.
 */
@QuarkusTest
@OutboundTestResources
class ProviderModeApiTest {

  private static final String ADMIN = TestTokens.admin("olga");

  @Test
  void aGatedMailboxIsNamedAndRaisedWithTheOperatorsCodeOnly() {
    String mailbox =
        Sandbox.mailbox("mbx_ladder_" + UUID.randomUUID().toString().substring(0, 8), "gated_send");

    String warning =
        given()
            .auth()
            .oauth2(ADMIN)
            .get("/api/mailboxes/provider-modes")
            .then()
            .statusCode(200)
            .extract()
            .path("find { it.mailbox_id == '" + mailbox + "' }.warning");
    assertThat(warning).contains("gated_send at MultiMail");

    mode(mailbox, Map.of("target_mode", "autonomous"))
        .statusCode(200)
        .body("status", is("upgrade_requested"))
        .body("from", is("gated_send"))
        .body("next", containsString("code"));
    assertThat(Sandbox.client().getMailbox(mailbox).oversightMode())
        .as("nothing changes before the operator's code")
        .isEqualTo(OversightMode.GATED_SEND);

    confirm(mailbox, "AAA-000")
        .statusCode(400)
        .body("detail", containsString("Invalid upgrade code"));
    confirm(mailbox, "<script>").statusCode(400).body("detail", containsString("code:"));
    confirm(mailbox, Sandbox.upgradeCode(mailbox))
        .statusCode(200)
        .body("oversight_mode", is("autonomous"))
        .body("warning", nullValue());
    assertThat(Sandbox.client().getMailbox(mailbox).oversightMode())
        .isEqualTo(OversightMode.AUTONOMOUS);
    confirm(mailbox, "AAA-000").statusCode(404).body("detail", containsString("No pending"));
  }

  @Test
  void aLowerModeAppliesAtOnceAndBadRequestsAreRefused() {
    String mailbox = Sandbox.mailbox("mbx_lower");

    mode(mailbox, Map.of("target_mode", "read_only")).statusCode(200).body("status", is("lowered"));
    assertThat(Sandbox.client().getMailbox(mailbox).oversightMode())
        .isEqualTo(OversightMode.READ_ONLY);
    mode(mailbox, Map.of("target_mode", "read_only"))
        .statusCode(200)
        .body("status", is("unchanged"));

    mode(mailbox, Map.of("target_mode", "reckless")).statusCode(400);
    mode(mailbox, Map.of()).statusCode(400);
    mode("mbx_nowhere_" + UUID.randomUUID(), Map.of("target_mode", "monitored")).statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.token("olga", java.util.Set.of("admin"), List.of("mbx_other")))
        .contentType("application/json")
        .body(Map.of("target_mode", "autonomous"))
        .post("/api/mailboxes/{id}/provider-mode", mailbox)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.reviewer("rita", mailbox))
        .contentType("application/json")
        .body(Map.of("target_mode", "autonomous"))
        .post("/api/mailboxes/{id}/provider-mode", mailbox)
        .then()
        .statusCode(403);
  }

  private static ValidatableResponse mode(String mailbox, Map<String, String> body) {
    return given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(body)
        .post("/api/mailboxes/{id}/provider-mode", mailbox)
        .then();
  }

  private static ValidatableResponse confirm(String mailbox, String code) {
    return given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(Map.of("code", code))
        .post("/api/mailboxes/{id}/provider-mode/confirm", mailbox)
        .then();
  }
}
