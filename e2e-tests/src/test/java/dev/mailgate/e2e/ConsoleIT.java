package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.testsupport.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The review console of the packaged services in Debian's headless Chromium: a reviewer signs in
 * with the link {@code ./mailgate console} prints and decides in the browser; what the sandbox
 * delivers, what the agents are told on {@code mail.decisions} and {@code mail.inbound} is checked.
 */
class ConsoleIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);
  static final String REVIEWER = "rita.reviewer";

  private final Console console = Console.shared();

  private String token;

  @BeforeEach
  void signIn() {
    token = TestTokens.reviewer(REVIEWER, MailGate.GATED, MailGate.GATED_ALL);
    console.signIn(token);
  }

  @Test
  void theSignInLinkBecomesAnHttpOnlyCookieAndNeverReachesTheLogs() throws IOException {
    Cookie session = console.browser().manage().getCookieNamed("mailgate_console");
    assertThat(session).isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    assertThat(session.getPath()).isEqualTo("/console");
    assertThat(((JavascriptExecutor) console.browser()).executeScript("return document.cookie;"))
        .isEqualTo("");
    assertThat(Files.readString(ServiceProcess.logOf("approval-service")))
        .contains("console: " + REVIEWER + " signed in")
        .doesNotContain(token);

    console.browser().findElement(By.id("sign-out")).click();
    Chromium.until(console.browser(), ExpectedConditions.urlMatches("/console/$"));
    assertThat(console.browser().manage().getCookieNamed("mailgate_console")).isNull();
    console.get("queue");
    assertThat(console.text("signin-status")).contains("./mailgate console");
    assertThat(console.browser().findElements(By.id("rows"))).isEmpty();
  }

  @Test
  void aHeldItemShowsItsProvenanceInTheQueueAndOnItsPage() {
    String tag = tag();
    ObjectNode intent =
        Intents.send(
            MailGate.GATED,
            "ProductManager",
            Intents.recipient(),
            "Renewal offer " + tag,
            "Hello,\n\nYour plan renews **next month**.");
    intent.put("reasoning", "the customer asked about renewal in msg 41");
    String id = held(intent);

    console.queue(tag);
    assertThat(console.rowText(id))
        .contains(
            "Renewal offer " + tag,
            MailGate.GATED,
            "e2e-team · ProductManager · ProductManagerAgent",
            "held");
    assertThat(console.text("who")).isEqualTo(REVIEWER);
    console.screenshot("queue");

    console.row(id).findElement(By.cssSelector("td.subject a")).click();
    Chromium.until(console.browser(), ExpectedConditions.urlContains("/console/items/" + id));
    assertThat(console.text("state")).isEqualTo("held");
    assertThat(console.text("provenance"))
        .contains(
            "e2e-team",
            "ProductManager",
            "ProductManagerAgent",
            "SendEmail",
            intent.path("trigger_message_id").asText(),
            "the customer asked about renewal in msg 41",
            id);
    assertThat(console.browser().findElement(By.cssSelector("#body strong")).getText())
        .isEqualTo("next month");
    console.screenshot("item");
  }

  @Test
  void editedThenApprovedInTheBrowserIsDeliveredOnceWithTheEdit() {
    String tag = tag();
    String id =
        held(
            Intents.send(
                MailGate.GATED,
                "ProductManager",
                Intents.recipient(),
                "Export ships Dec 3 " + tag,
                "Hello,\nThe export feature ships on December 3.\nRegards"));
    String subject = "Export ships Dec 10 " + tag;
    String body = "Hello,\nThe export feature ships on December 10.\nRegards";

    console.item(id);
    console.browser().findElement(By.cssSelector("#edit-details summary")).click();
    replace(console.browser().findElement(By.id("edit-subject")), subject);
    replace(console.browser().findElement(By.id("edit-markdown")), body);
    console.browser().findElement(By.id("preview")).click();

    Chromium.until(
        console.browser(), ExpectedConditions.presenceOfElementLocated(By.id("diff-body")));
    assertThat(console.browser().findElement(By.cssSelector("#diff-subject .removed")).getText())
        .contains("Export ships Dec 3 " + tag);
    assertThat(console.browser().findElement(By.cssSelector("#diff-subject .added")).getText())
        .contains(subject);
    assertThat(texts(By.cssSelector("#diff-body .removed")))
        .singleElement()
        .asString()
        .contains("The export feature ships on December 3.");
    assertThat(texts(By.cssSelector("#diff-body .added")))
        .singleElement()
        .asString()
        .contains("The export feature ships on December 10.");
    assertThat(Deliveries.count(id)).as("nothing leaves before the confirmation").isZero();
    console.screenshot("edit-diff");

    console.browser().findElement(By.id("confirm-approve")).click();
    console.awaitState("approved");
    assertThat(console.text("edited")).contains("subject", "markdown");
    assertThat(console.text("decided-by")).isEqualTo(REVIEWER);

    await("the delivery").atMost(PIPELINE).until(() -> Deliveries.count(id) == 1);
    GatedApprovalIT.awaitTimelineWith(id, "outcome.accepted");
    List<JsonNode> deliveries = Deliveries.of(id);
    assertThat(deliveries).hasSize(1);
    assertThat(deliveries.get(0).path("subject").asText()).isEqualTo(subject);
    assertThat(deliveries.get(0).path("markdown").asText()).isEqualTo(body);
    assertThat(Deliveries.count(id)).as("exactly once").isEqualTo(1);
  }

  @Test
  void rejectedWithAReasonTellsTheAgentThatReason() {
    String tag = tag();
    String id =
        held(
            Intents.send(
                MailGate.GATED,
                "Engineer",
                Intents.recipient(),
                "Internal numbers " + tag,
                "Q3 was rough."));
    String reason = "Not for customers: internal figures " + tag;

    console.item(id);
    console.browser().findElement(By.id("reject-reason")).sendKeys(reason);
    console.browser().findElement(By.id("reject")).click();
    console.awaitState("rejected");
    assertThat(console.text("decision-reason")).isEqualTo(reason);

    JsonNode rejection =
        await("the rejection on mail.decisions")
            .atMost(PIPELINE)
            .until(() -> decisions(id, "rejected"), found -> !found.isEmpty())
            .get(0);
    assertThat(rejection.path("reason").asText()).isEqualTo(reason);
    assertThat(Deliveries.count(id)).isZero();
  }

  @Test
  void aTwoRoleConflictIsResolvedByKeepingOne() {
    String tag = tag();
    String customer = Intents.recipient();
    ObjectNode pm =
        Intents.send(
            MailGate.GATED,
            "ProductManager",
            customer,
            "Launch date " + tag,
            "Hi Fay,\nWe launch on December 3.\nRegards");
    ObjectNode architect =
        Intents.send(
            MailGate.GATED,
            "Architect",
            customer,
            "Launch date " + tag,
            "Hi Fay,\nWe launch on December 10.\nRegards");
    String pmId = pm.path("intent_id").asText();
    String architectId = architect.path("intent_id").asText();
    Bus.publishIntent(pm);
    Bus.publishIntent(architect);
    await("both in one conflict group")
        .atMost(PIPELINE)
        .until(
            () ->
                Bus.decisionStates(pmId).contains("conflict")
                    && Bus.decisionStates(architectId).contains("conflict"));

    console.item(pmId);
    assertThat(console.text("state")).isEqualTo("conflict");
    assertThat(console.browser().findElements(By.cssSelector(".member"))).hasSize(2);
    assertThat(texts(By.cssSelector(".member pre .differs")))
        .containsExactlyInAnyOrder("We launch on December 3.", "We launch on December 10.");
    assertThat(console.text("conflict-facts")).contains("December 3", "December 10");
    console.screenshot("conflict");

    console
        .browser()
        .findElement(By.cssSelector(".member[data-member='" + architectId + "'] button.keep"))
        .click();
    Chromium.until(
        console.browser(), ExpectedConditions.urlContains("/console/items/" + architectId));
    console.awaitState("approved");

    await("the kept email delivered")
        .atMost(PIPELINE)
        .until(() -> Deliveries.count(architectId) == 1);
    JsonNode superseded =
        await("the other one rejected as superseded")
            .atMost(PIPELINE)
            .until(() -> decisions(pmId, "rejected"), found -> !found.isEmpty())
            .get(0);
    assertThat(superseded.path("reason").asText()).startsWith("superseded by " + architectId);
    GatedApprovalIT.awaitTimelineWith(architectId, "outcome.accepted");
    assertThat(Deliveries.count(architectId)).isEqualTo(1);
    assertThat(Deliveries.count(pmId)).isZero();
  }

  @Test
  void aSelectionIsRejectedInBulk() {
    String tag = tag();
    List<String> selected = new ArrayList<>();
    for (String role : List.of("ProductManager", "Architect", "Engineer")) {
      selected.add(
          held(
              Intents.send(
                  MailGate.GATED,
                  role,
                  Intents.recipient(),
                  "Weekly digest " + role + " " + tag,
                  "Digest of the week.")));
    }
    String left =
        held(
            Intents.send(
                MailGate.GATED,
                "Engineer",
                Intents.recipient(),
                "Not selected " + tag,
                "Stays for later."));
    String reason = "Digests go out from the newsletter tool " + tag;

    console.queue(tag);
    selected.forEach(console::select);
    console.row(left);
    console.browser().findElement(By.cssSelector("#bulk input[name=reason]")).sendKeys(reason);
    console.browser().findElement(By.id("bulk-reject")).click();

    Chromium.until(
        console.browser(), ExpectedConditions.presenceOfElementLocated(By.id("results")));
    assertThat(texts(By.cssSelector("#results tr.done td:first-child")))
        .containsExactlyInAnyOrderElementsOf(selected);
    assertThat(console.browser().findElements(By.cssSelector("#results tr.failed"))).isEmpty();
    console.screenshot("bulk-results");

    for (String id : selected) {
      JsonNode rejection =
          await("the bulk rejection of " + id)
              .atMost(PIPELINE)
              .until(() -> decisions(id, "rejected"), found -> !found.isEmpty())
              .get(0);
      assertThat(rejection.path("reason").asText()).isEqualTo(reason);
    }
    console.queue(tag);
    console.row(left);
    assertThat(console.rowIds()).containsExactly(left);
  }

  @Test
  void heldInboundMailIsReleasedToTheAgents() {
    String subject = "Contract question " + tag();
    String emailId = receiveHeld(subject, "Can we sign by Friday?");

    WebElement card = console.inboundCard(emailId);
    assertThat(card.getText()).contains(subject, "customer@example.org", MailGate.GATED_ALL);
    assertThat(Bus.values("mail.inbound", e -> subject.equals(e.path("subject").asText())))
        .as("not released before review")
        .isEmpty();
    console.screenshot("inbound");

    console.decideInbound(card, By.cssSelector("button.release"));

    JsonNode released =
        await("the email on mail.inbound")
            .atMost(PIPELINE)
            .until(
                () -> Bus.values("mail.inbound", e -> subject.equals(e.path("subject").asText())),
                found -> !found.isEmpty())
            .get(0);
    assertThat(released.path("mailbox_id").asText()).isEqualTo(MailGate.GATED_ALL);
    assertThat(released.path("released_by").path("id").asText()).isEqualTo(REVIEWER);
    assertThat(released.path("markdown").asText()).isEqualTo("Can we sign by Friday?");
  }

  /** Publishes {@code intent} and waits until MailGate holds it for review; its id. */
  static String held(ObjectNode intent) {
    String id = intent.path("intent_id").asText();
    Bus.publishIntent(intent);
    await("intent " + id + " held")
        .atMost(PIPELINE)
        .until(() -> Bus.decisionStates(id).contains("held"));
    return id;
  }

  /** A word unique to one test, to find its items among everyone's. */
  static String tag() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  static List<JsonNode> decisions(String intentId, String state) {
    return Bus.values(
        "mail.decisions",
        d ->
            intentId.equals(d.path("intent_id").asText())
                && state.equals(d.path("state").asText()));
  }

  /**
   * An email from customer@example.org to the gated_all mailbox, received by the sandbox, polled
   * and held by MailGate; its email id once a reviewer can see it held.
   */
  static String receiveHeld(String subject, String markdown) {
    ObjectNode email = Http.JSON.createObjectNode();
    email.put("mailbox_id", MailGate.GATED_ALL);
    email.put("from", "customer@example.org");
    email.put("subject", subject);
    email.put("markdown", markdown);
    MailGate.shared().sandbox().call("POST", "/sandbox/inbound", email.toString());
    String token = TestTokens.reviewer(REVIEWER, MailGate.GATED_ALL);
    return await("the email held for review")
        .atMost(PIPELINE)
        .until(() -> heldInbound(token, subject), found -> found != null);
  }

  private static String heldInbound(String token, String subject) {
    Http.Reply held = Http.get(MailGate.shared().approvalUrl() + "/api/inbound", token);
    assertThat(held.status()).isEqualTo(200);
    for (JsonNode item : held.body()) {
      if (subject.equals(item.path("email").path("subject").asText())) {
        return item.path("email_id").asText();
      }
    }
    return null;
  }

  private List<String> texts(By selector) {
    return console.browser().findElements(selector).stream().map(WebElement::getText).toList();
  }

  private static void replace(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
  }
}
