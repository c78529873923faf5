package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Reviews.held;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The review console in a real browser (Debian's headless Chromium): sign in from the link {@code
 * ./mailgate console} prints, see the queue update live, open an item with its provenance, edit it
 * and confirm the diff, reject with a reason, approve by keyboard; hostile content stays text.
 */
@QuarkusTest
@ApprovalTestResources
class ConsoleBrowserTest {

  private static WebDriver browser;

  @TestHTTPResource("/console/")
  URL console;

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReviewerSignsInAndEditsAnItemWithTheDiffShownBeforeApproving() {
    String id =
        held(
            "ProductManager",
            "ann@customer.example.com",
            "Release date",
            "Hello Ann,\n\nThe fix ships **next month**.\n\n- item one\n- item two");
    signIn();
    assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("rita");
    assertThat(row(id).getText()).contains("Release date", "mbx_gated", "ProductManager", "in ");

    String later = held("Engineer", "bob@customer.example.com", "Arrived while looking", "Hi");
    row(later); // appears without a reload: the page polls its rows
    Chromium.screenshot(browser, "queue");

    row(id).findElement(By.linkText("Release date")).click();
    Chromium.until(browser, ExpectedConditions.urlContains("/console/items/" + id));
    assertThat(browser.findElement(By.id("provenance")).getText())
        .contains("team-test", "ProductManager", "ProductManager-agent", "SendEmail", "msg-1");
    assertThat(browser.findElement(By.cssSelector("#body strong")).getText())
        .isEqualTo("next month");
    Chromium.screenshot(browser, "item");

    browser.findElement(By.cssSelector("#edit-details summary")).click();
    replace(browser.findElement(By.id("edit-subject")), "Release date: Friday");
    replace(
        browser.findElement(By.id("edit-markdown")),
        "Hello Ann,\n\nThe fix ships **on Friday**.\n\n- item one\n- item two");
    browser.findElement(By.id("preview")).click();
    Chromium.until(browser, ExpectedConditions.presenceOfElementLocated(By.id("diff-body")));
    assertThat(browser.findElement(By.cssSelector("#diff-subject .removed")).getText())
        .contains("Release date");
    assertThat(browser.findElement(By.cssSelector("#diff-subject .added")).getText())
        .contains("Release date: Friday");
    assertThat(browser.findElement(By.cssSelector("#diff-body .added")).getText())
        .contains("on Friday");
    Chromium.screenshot(browser, "edit-diff");

    browser.findElement(By.id("confirm-approve")).click();
    Chromium.until(browser, ExpectedConditions.textToBe(By.id("state"), "approved"));
    assertThat(browser.findElement(By.id("edited")).getText()).contains("subject", "markdown");
    JsonNode approved = awaitJson(Topics.APPROVED, 1, forIntent(id)).get(0);
    assertThat(approved.path("subject").asText()).isEqualTo("Release date: Friday");
    assertThat(approved.path("markdown").asText()).contains("on Friday").doesNotContain("\r");
    assertThat(approved.path("approved_by").path("id").asText()).isEqualTo("rita");

    Dimension laptop = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(console + "queue");
    row(later);
    Chromium.screenshot(browser, "queue-phone");
    browser.manage().window().setSize(laptop);
  }

  @Test
  void aReviewerRejectsWithAReasonAndApprovesByKeyboard() {
    String toReject = held("Architect", "cy@customer.example.com", "Design notes", "Draft");
    String toApprove = held("Engineer", "dee@customer.example.com", "Ticket closed", "Done.");
    signIn();

    open(toReject);
    browser.findElement(By.id("reject-reason")).sendKeys("Not for customers: internal draft");
    browser.findElement(By.id("reject")).click();
    Chromium.until(browser, ExpectedConditions.textToBe(By.id("state"), "rejected"));
    assertThat(browser.findElement(By.id("decision-reason")).getText())
        .isEqualTo("Not for customers: internal draft");
    List<JsonNode> decisions =
        awaitJson(
            Topics.DECISIONS,
            1,
            forIntent(toReject).and(d -> "rejected".equals(d.path("state").asText())));
    assertThat(decisions.get(0).path("reason").asText())
        .isEqualTo("Not for customers: internal draft");

    open(toApprove);
    new Actions(browser).sendKeys("?").perform();
    assertThat(browser.findElement(By.id("help")).isDisplayed()).isTrue();
    new Actions(browser).sendKeys("a").perform();
    Chromium.until(browser, ExpectedConditions.textToBe(By.id("state"), "approved"));
    awaitJson(Topics.APPROVED, 1, forIntent(toApprove));
  }

  @Test
  void aTwoRoleConflictIsComparedSideBySideAndResolvedByKeepingOne() {
    String pm =
        Bus.publish(
            Bus.intent(
                "mbx_gated",
                "ProductManager",
                "fay@customer.example.com",
                "Launch date",
                "Hi Fay,\nWe launch on December 3.\nRegards"));
    String arch =
        Bus.publish(
            Bus.intent(
                "mbx_gated",
                "Architect",
                "fay@customer.example.com",
                "Launch date",
                "Hi Fay,\nWe launch on December 10.\nRegards"));
    awaitJson(Topics.DECISIONS, 3, forIntent(pm));
    awaitJson(Topics.DECISIONS, 2, forIntent(arch));
    signIn();

    open(pm);
    List<WebElement> members = browser.findElements(By.cssSelector(".member"));
    assertThat(members).hasSize(2);
    assertThat(browser.findElements(By.cssSelector(".member pre .differs")))
        .extracting(WebElement::getText)
        .containsExactlyInAnyOrder("We launch on December 3.", "We launch on December 10.");
    assertThat(browser.findElement(By.id("conflict-facts")).getText())
        .contains("ProductManager says December 3");
    Chromium.screenshot(browser, "conflict");
    browser.findElement(By.cssSelector(".member[data-member='" + arch + "'] button.keep")).click();
    Chromium.until(browser, ExpectedConditions.textToBe(By.id("state"), "approved"));
    awaitJson(Topics.APPROVED, 1, forIntent(arch));
    assertThat(Bus.read(Topics.APPROVED, forIntent(pm))).isEmpty();
  }

  @Test
  void hostileContentIsShownAsInertText() {
    var intent =
        Bus.intent(
            "mbx_gated",
            "Engineer",
            "eve@customer.example.com",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)>\n\n[click me](javascript:alert(3))");
    intent.put("agent", "<b onmouseover=alert(4)>Mallory</b>");
    String id = held(intent);
    signIn();

    assertThat(row(id).findElement(By.cssSelector("td.subject a")).getText())
        .isEqualTo("<script>alert(1)</script>");
    open(id);
    assertThat(browser.findElement(By.id("subject")).getText())
        .isEqualTo("<script>alert(1)</script>");
    assertThat(browser.findElement(By.id("body")).getText())
        .contains("<img src=x onerror=alert(2)>", "click me (javascript:alert(3))");
    assertThat(browser.findElements(By.cssSelector("#body img, #body a, #provenance b"))).isEmpty();
    assertThat(browser.findElement(By.id("provenance")).getText())
        .contains("<b onmouseover=alert(4)>Mallory</b>");
    assertThatThrownBy(() -> browser.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
    Chromium.screenshot(browser, "hostile");
  }

  private void signIn() {
    browser.get(console + "#token=" + TestTokens.reviewer("rita", "mbx_gated"));
    Chromium.until(browser, ExpectedConditions.urlContains("/console/queue"));
    assertThat(browser.getCurrentUrl()).doesNotContain("token");
  }

  private void open(String id) {
    browser.get(console + "items/" + id);
    Chromium.until(browser, ExpectedConditions.presenceOfElementLocated(By.id("state")));
  }

  private static WebElement row(String id) {
    return Chromium.until(
        browser,
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#rows tr[data-id='" + id + "']")));
  }

  private static void replace(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
  }
}
