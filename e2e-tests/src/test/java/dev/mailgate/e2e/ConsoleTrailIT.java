package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's item page against the packaged services: an approved email's audit timeline, read
 * from audit-service with the reviewer's own token, and the mailbox's chain verification badge; a
 * reviewer of another mailbox sees neither.
 */
class ConsoleTrailIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final MailGate mailgate = MailGate.shared();

  @Test
  void theItemPageShowsTheWholeTrailWithTheReviewerAndAnIntactChain() {
    ObjectNode intent =
        Intents.send(
            MailGate.GATED, "Architect", Intents.recipient(), "Schema freeze", "Freeze on Friday.");
    String id = intent.path("intent_id").asText();
    Bus.publishIntent(intent);
    String reviewer = TestTokens.reviewer("tara.trail", MailGate.GATED);
    await("held").atMost(PIPELINE).until(() -> Bus.decisionStates(id).contains("held"));
    Http.Reply approved =
        Http.post(
            mailgate.approvalUrl() + "/api/reviews/" + id + "/approve",
            reviewer,
            Map.of("reason", "freeze agreed"));
    assertThat(approved.status()).isEqualTo(200);
    GatedApprovalIT.awaitTimelineWith(id, "outcome.accepted");

    String session = signIn(reviewer);
    String page = get("/console/items/" + id, session);
    assertThat(page)
        .contains("data-type=\"intent.submitted\"")
        .contains("data-type=\"decision.held\"")
        .contains("data-type=\"decision.approved\"")
        .contains("reviewer tara.trail — freeze agreed")
        .contains("data-type=\"outcome.accepted\"")
        .doesNotContain("The trail cannot be shown");
    assertThat(page.indexOf("decision.held")).isLessThan(page.indexOf("decision.approved"));

    await("the chain verified")
        .atMost(PIPELINE)
        .untilAsserted(
            () ->
                assertThat(get("/console/items/" + id + "/chain", session))
                    .contains("data-status=\"intact\"")
                    .containsPattern("Chain intact: \\d+ events verified"));

    String stranger = signIn(TestTokens.reviewer("sam.stranger", MailGate.AUTONOMOUS));
    assertThat(status("/console/items/" + id, stranger)).isEqualTo(404);
    assertThat(status("/console/items/" + id + "/chain", stranger)).isEqualTo(404);
  }

  private String signIn(String token) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(mailgate.approvalUrl() + "/console/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Http.JSON.createObjectNode().put("token", token).toString())));
    assertThat(response.statusCode()).as("sign-in").isEqualTo(204);
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private String get(String path, String session) {
    HttpResponse<String> response = page(path, session);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private int status(String path, String session) {
    return page(path, session).statusCode();
  }

  private HttpResponse<String> page(String path, String session) {
    return send(
        HttpRequest.newBuilder(URI.create(mailgate.approvalUrl() + path))
            .header("Cookie", session)
            .GET());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
