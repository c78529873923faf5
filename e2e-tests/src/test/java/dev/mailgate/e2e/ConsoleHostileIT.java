package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.validation.IntentLimits;
import dev.mailgate.testsupport.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * Agent-supplied text that would run or navigate if it reached the page as markup — script tags,
 * {@code javascript:} links, event-handler attributes, an {@code <img onerror>} in markdown, a
 * subject far over the limit — is shown as text in the queue and on the item page, and the page
 * stays usable.
 */
class ConsoleHostileIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  private static final String SUBJECT =
      "<script>alert('subject')</script><a href=\"javascript:alert(1)\" onclick=\"alert(2)\">open</a>";
  private static final String AGENT = "<b onmouseover=alert(12)>Mallory</b>";
  private static final String ACTION = "<img src=x onerror=alert(13)>";
  private static final String REASONING =
      "\"><script>alert(14)</script><a href=javascript:alert(15)>";
  private static final String[] BODY = {
    "<script>alert(3)</script>",
    "[click me](javascript:alert(4))",
    "<a onclick=\"alert(5)\" href=\"javascript:alert(6)\">a link</a>",
    "![x](javascript:alert(7))",
    "<img src=x onerror=alert(8)>",
    "<svg onload=alert(9)></svg> <iframe src=\"javascript:alert(10)\"></iframe>",
    "**bold <b onmouseover=alert(11)>b</b>**"
  };

  private final Console console = Console.shared();

  @BeforeEach
  void signIn() {
    console.signIn(TestTokens.reviewer(ConsoleIT.REVIEWER, MailGate.GATED, MailGate.GATED_ALL));
  }

  @Test
  void scriptsLinksAndHandlersFromAnAgentAreShownAsText() {
    String tag = ConsoleIT.tag();
    ObjectNode intent =
        Intents.send(
            MailGate.GATED,
            "Engineer",
            Intents.recipient(),
            SUBJECT,
            String.join("\n\n", BODY) + "\n\n" + tag);
    intent.put("agent", AGENT);
    intent.put("action", ACTION);
    intent.put("reasoning", REASONING);
    String id = ConsoleIT.held(intent);

    console.queue(tag);
    assertThat(console.rowText(id)).contains(SUBJECT, AGENT);
    assertInert();
    console.screenshot("hostile-queue");

    console.item(id);
    assertThat(console.text("subject")).isEqualTo(SUBJECT);
    assertThat(console.browser().getTitle()).startsWith(SUBJECT);
    String body = console.text("body");
    assertThat(body)
        .contains(
            "<script>alert(3)</script>",
            "click me (javascript:alert(4))",
            "<a onclick=\"alert(5)\" href=\"javascript:alert(6)\">a link</a>",
            "!x (javascript:alert(7))",
            "<img src=x onerror=alert(8)>",
            "<svg onload=alert(9)></svg> <iframe src=\"javascript:alert(10)\"></iframe>",
            "<b onmouseover=alert(11)>b</b>");
    assertThat(console.text("provenance")).contains(AGENT, ACTION, REASONING);
    assertThat(console.browser().findElements(By.cssSelector("#body a, #body img, #body b")))
        .isEmpty();
    assertInert();
    console.screenshot("hostile-item");
    detectorSeesLiveContent();

    usable(id);
  }

  @Test
  void aSubjectOverTheLimitIsRefusedVisiblyAndTheLongestAcceptedOneIsInert() {
    String tag = ConsoleIT.tag();
    String hostile = "<img src=x onerror=alert(20)><script>alert(21)</script> ";
    int max = IntentLimits.defaults().maxSubjectChars();

    ObjectNode huge =
        Intents.send(
            MailGate.GATED,
            "Engineer",
            Intents.recipient(),
            hostile.repeat(200_000 / hostile.length() + 1).substring(0, 200_000),
            "A subject of 200,000 characters " + tag);
    String hugeId = huge.path("intent_id").asText();
    Bus.publishIntent(huge);
    JsonNode refusal =
        await("the refusal on mail.decisions")
            .atMost(PIPELINE)
            .until(() -> ConsoleIT.decisions(hugeId, "invalid"), found -> !found.isEmpty())
            .get(0);
    assertThat(refusal.path("reason").asText())
        .contains("subject", "200000 characters, at most " + max);
    GatedApprovalIT.awaitTimelineWith(hugeId, "decision.invalid");
    console.item(hugeId);
    assertThat(console.text("state")).isEqualTo("invalid");
    assertThat(console.text("subject")).as("a heading even without a subject").isNotBlank();
    assertThat(console.browser().getTitle()).doesNotStartWith(" · ");
    assertThat(console.text("main")).contains("at most " + max);
    assertInert();
    console.screenshot("refused-subject");

    String longest = hostile.repeat(max / hostile.length() + 1).substring(0, max - 8) + "ZZZZZZZZ";
    assertThat(longest).hasSize(max);
    StringBuilder body = new StringBuilder();
    while (body.length() < 200_000) {
      body.append(String.join("\n\n", BODY)).append("\n\n");
    }
    body.append(tag);
    String id =
        ConsoleIT.held(
            Intents.send(
                MailGate.GATED, "Engineer", Intents.recipient(), longest, body.toString()));

    console.queue(tag);
    assertThat(console.rowText(id)).contains(longest);
    assertThat(console.rowIds()).containsExactly(id);
    assertInert();

    console.item(id);
    assertThat(console.text("subject")).isEqualTo(longest);
    long shown =
        (Long)
            ((JavascriptExecutor) console.browser())
                .executeScript("return document.getElementById('body').textContent.length;");
    assertThat(shown).isGreaterThan(180_000L);
    assertInert();
    console.screenshot("hostile-long-subject");

    usable(id);
  }

  @Test
  void hostileInboundMailIsShownAsTextAndRejectedWithAReason() {
    String subject = "<img src=x onerror=alert(40)><script>alert(41)</script> " + ConsoleIT.tag();
    String emailId =
        ConsoleIT.receiveHeld(subject, "<a href=\"javascript:alert(42)\" onclick=alert(43)>x</a>");

    WebElement card = console.inboundCard(emailId);
    assertThat(card.findElement(By.tagName("strong")).getText()).isEqualTo(subject);
    assertInert();
    console.screenshot("hostile-inbound");

    String reason = "phishing " + emailId;
    card.findElement(By.cssSelector("input[name=reason]")).sendKeys(reason);
    console.decideInbound(card, By.cssSelector("form[action$='/reject'] button"));
    assertInert();
    JsonNode rejection =
        await("the inbound rejection on mail.decisions")
            .atMost(PIPELINE)
            .until(() -> ConsoleIT.decisions(emailId, "rejected"), found -> !found.isEmpty())
            .get(0);
    assertThat(rejection.path("reason").asText()).isEqualTo(reason);
    assertThat(Bus.values("mail.inbound", e -> subject.equals(e.path("subject").asText())))
        .isEmpty();
  }

  /** Nothing from content can run: no alert, no handler, no javascript: link, no foreign script. */
  private void assertInert() {
    assertThatThrownBy(() -> console.browser().switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
    assertThat(console.liveContent()).isEmpty();
  }

  /** A control: the check does report a handler, a javascript: link and a script put there. */
  private void detectorSeesLiveContent() {
    JavascriptExecutor page = (JavascriptExecutor) console.browser();
    page.executeScript(
        """
        var b = document.createElement('b');
        b.id = 'control';
        b.setAttribute('onclick', 'void 0');
        var a = document.createElement('a');
        a.id = 'control-link';
        a.setAttribute('href', ' JavaScript:void 0');
        var s = document.createElement('script');
        s.id = 'control-script';
        s.type = 'text/plain';
        document.body.append(b, a, s);
        """);
    assertThat(console.liveContent())
        .containsExactlyInAnyOrder("B onclick=void 0", "A href= JavaScript:void 0", "SCRIPT ");
    page.executeScript(
        "['control', 'control-link', 'control-script']"
            + ".forEach(function (id) { document.getElementById(id).remove(); });");
    assertThat(console.liveContent()).isEmpty();
  }

  /**
   * The page still works: the item is rejected through its form, with a reason that is itself
   * markup; the agent is told that reason, and the item's audit trail shows it as text.
   */
  private void usable(String id) {
    String reason = "<img src=x onerror=alert(50)><script>alert(51)</script> hostile content";
    console.browser().findElement(By.id("reject-reason")).sendKeys(reason);
    console.browser().findElement(By.id("reject")).click();
    console.awaitState("rejected");
    assertThat(console.text("decision-reason")).isEqualTo(reason);
    assertInert();
    JsonNode rejection =
        await("the rejection on mail.decisions")
            .atMost(PIPELINE)
            .until(() -> ConsoleIT.decisions(id, "rejected"), found -> !found.isEmpty())
            .get(0);
    assertThat(rejection.path("reason").asText()).isEqualTo(reason);

    Chromium.until(
        console.browser(),
        d -> {
          d.navigate().refresh();
          return d.findElements(By.cssSelector("#trail li[data-type='decision.rejected']")).stream()
              .anyMatch(step -> step.getText().contains(reason));
        });
    Chromium.until(console.browser(), d -> !d.findElements(By.id("chain-status")).isEmpty());
    assertInert();
  }
}
